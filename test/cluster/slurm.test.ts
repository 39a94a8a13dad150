import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mimo, tempDir } from '../sim/host/cli/cli-helpers.js';
import { writeIshigami, writeStudy } from '../sim/host/cli/study-helpers.js';
import { jobsEnded, jobStates, slurm, SLURM_REQUIRED, slurmProblem, waitFor } from './slurm-helpers.js';

const problem = slurmProblem();
if (problem && !SLURM_REQUIRED) {
  console.warn(
    `test/cluster: the Slurm tests are skipped: Slurm is not answering (${problem}). Start a single-node Slurm with test/cluster/slurm-up.sh (as root; see test/cluster/README.md).`,
  );
}

const PI = '3.141592653589793';

/** A Sobol' study of Ishigami in `dir`: 5 × samples points × 2 seeds, recorded every 1000 ticks (and the last). */
function ishigamiStudy(dir: string, ticks: number, samples: number): string {
  writeIshigami(dir, ticks);
  return writeStudy(
    dir,
    `name: ishi\nscenario: ishigami.yaml\nseeds: 2\nfactors:\n  params.x1: { min: -${PI}, max: ${PI} }\n  params.x2: { min: -${PI}, max: ${PI} }\n  params.x3: { min: -${PI}, max: ${PI} }\ndesign: { kind: sobol, samples: ${samples} }\nrecord: { every: 1000 }\n`,
  );
}

/** The job ids `mimo study slurm --submit` prints. */
function submitted(stdout: string): { array: string; merge: string } {
  const m = /job array (\d+) \(\d+ tasks\), merge job (\d+)/.exec(stdout);
  if (!m) throw new Error(`no job ids in: ${stdout}`);
  return { array: m[1], merge: m[2] };
}

function sameTables(a: string, b: string): void {
  for (const name of ['runs.csv', 'runs.parquet', 'sensitivity.csv', 'points.csv'])
    expect(readFileSync(join(a, name)), name).toEqual(readFileSync(join(b, name)));
}

describe.skipIf(problem !== null && !SLURM_REQUIRED)('mimo study slurm on a real Slurm', () => {
  beforeAll(() => {
    if (problem) throw new Error(`MIMO_REQUIRE_SLURM=1 but Slurm is not answering: ${problem}`);
  });

  it('runs a study as a job array of 4 tasks, merges it after them, and gives the local tables', async () => {
    const dir = tempDir();
    const file = ishigamiStudy(dir, 3, 32); // 320 runs
    const out = join(dir, 'cluster');
    const r = mimo(['study', 'slurm', file, '--out', out, '--tasks', '4', '--submit']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const jobs = submitted(r.stdout);
    const local = join(dir, 'local');
    expect(mimo(['study', file, '--out', local, '--quiet']).code).toBe(0);
    await jobsEnded([jobs.array, jobs.merge], 150_000);
    expect(jobStates(jobs.array)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(jobStates(jobs.merge)).toEqual(['COMPLETED']);
    expect(readFileSync(join(out, `slurm/logs/merge-${jobs.merge}.out`), 'utf8')).toContain(
      'study ishi: 320 runs (160 points × 1 scenario × 2 seeds)',
    );
    sameTables(out, local);
  }, 180_000);

  it('finishes a study whose tasks were cancelled, running and pending, once status’s sbatch line resubmits them', async () => {
    const dir = tempDir();
    // 160 runs of 200,000 ticks (a tenth of a second or more each), 40 per task in batches of 5.
    const file = ishigamiStudy(dir, 200_000, 16);
    const out = join(dir, 'cluster');
    const r = mimo(['study', 'slurm', file, '--out', out, '--tasks', '4', '--throttle', '2', '--submit']);
    expect(r.code).toBe(0);
    const jobs = submitted(r.stdout);
    // Tasks 1 and 2 run, 3 and 4 wait (throttle 2) until one of them ends: cancel task 3 now, while it waits, and
    // task 1 as soon as it has journalled its first batch (of 8).
    expect(slurm('scancel', [`${jobs.array}_3`]).code).toBe(0);
    const journal = join(out, 'journal-1of4.jsonl');
    await waitFor(
      'task 1 to journal a batch',
      () => readFileSync(journal, 'utf8').includes('\n'),
      120_000,
      100,
    );
    expect(slurm('scancel', [`${jobs.array}_1`]).code).toBe(0);
    const local = join(dir, 'local');
    expect(mimo(['study', file, '--out', local, '--quiet']).code).toBe(0);
    await jobsEnded([jobs.array, jobs.merge], 150_000);
    expect(jobStates(jobs.merge)).toEqual(['CANCELLED']); // afterok can no longer hold: dropped
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    expect(readdirSync(join(out, 'slurm/logs'))).not.toContain(`study-${jobs.array}_3.err`); // never started

    const status = mimo(['study', 'status', out]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/ {2}shard 1\/4 {2}partial +\d+ of 40 runs/);
    expect(status.stdout).toContain('  shard 2/4  done     40 of 40 runs');
    expect(status.stdout).toContain('  shard 3/4  missing   0 of 40 runs');
    expect(status.stdout).toContain('  shard 4/4  done     40 of 40 runs');
    const line = status.stdout.split('\n').find((l) => l.trimStart().startsWith('sbatch '));
    expect(line?.trim()).toBe(`sbatch --array=1,3 ${out}/slurm/study.sbatch`);
    const early = mimo(['study', 'merge', out]);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/runs missing in 2 shards 1\/4 \(\d+ of 40\), 3\/4 \(40 of 40\)/);

    const [command, ...args] = line!.trim().split(' ');
    const again = slurm(command, args);
    expect(again.code).toBe(0);
    const job = /Submitted batch job (\d+)/.exec(again.stdout)?.[1];
    expect(job).toBeDefined();
    await jobsEnded([job!], 150_000);
    expect(jobStates(job!)).toEqual(['COMPLETED', 'COMPLETED']);
    const resumed = readFileSync(join(out, `slurm/logs/study-${job}_1.err`), 'utf8');
    expect(resumed).toMatch(/ishi: \d+ runs already finished, skipped/);
    expect(mimo(['study', 'status', out]).stdout).toContain('every run is done');
    expect(mimo(['study', 'merge', out, '--quiet']).code).toBe(0);
    sameTables(out, local);
  }, 180_000);
});
