import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, mimo, tempDir } from './cli-helpers.js';
import { writeIshigami, writeStudy } from './study-helpers.js';

const PI = '3.141592653589793';

/** A Sobol' study of Ishigami: 8 × 5 points × 2 seeds = 80 runs. */
function sobolStudy(dir: string): string {
  writeIshigami(dir);
  return writeStudy(
    dir,
    `name: ishi\nscenario: ishigami.yaml\nseeds: 2\nfactors:\n  params.x1: { min: -${PI}, max: ${PI} }\n  params.x2: { min: -${PI}, max: ${PI} }\n  params.x3: { min: -${PI}, max: ${PI} }\ndesign: { kind: sobol, samples: 8 }\nrecord: { every: 2 }\n`,
  );
}

/** Runs a written Slurm script with bash as a Slurm task would (no Slurm: the variables it sets, by hand). */
function runScript(path: string, task?: number): number | null {
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CPUS_PER_TASK: '1', MIMO_DEBUG: '' };
  if (task !== undefined) env.SLURM_ARRAY_TASK_ID = String(task);
  return spawnSync('bash', [path], { env, stdio: 'ignore' }).status;
}

describe('mimo study slurm', () => {
  it('explains every option in --help, with Slurm’s MaxArraySize', () => {
    const r = mimo(['study', 'slurm', '--help']);
    expect(r.code).toBe(0);
    const flags = [...r.stdout.split('\n\n')[0].matchAll(/--(\w+)/g)].map((m) => m[1]);
    expect(new Set(flags)).toEqual(
      new Set([
        'out',
        'tasks',
        'throttle',
        'cpus',
        'time',
        'mem',
        'partition',
        'account',
        'extra',
        'node',
        'submit',
        'restart',
      ]),
    );
    for (const flag of flags) expect(r.stdout).toMatch(new RegExp(`\\n  --${flag} +\\S`));
    expect(r.stdout).toContain('MaxArraySize is 1001');
  });

  it('refuses bad flags and bad study files with one line, exit 2, and writes nothing', () => {
    const dir = tempDir();
    const file = sobolStudy(dir);
    const out = join(dir, 'out');
    const cases: [string[], string][] = [
      [['--tasks', '0'], '--tasks: expected a whole number from 1 to 1000 (got "0")'],
      [['--tasks', '1001'], '--tasks: expected a whole number from 1 to 1000 (got "1001")'],
      [['--tasks', '81'], '--tasks: at most one task per run, and the study has 80 runs (got 81)'],
      [['--tasks', '4', '--throttle', '5'], '--throttle: expected a whole number from 1 to 4 (got "5")'],
      [['--cpus', '65'], '--cpus: expected a whole number from 1 to 64 (got "65")'],
      [['--time', 'soon'], '--time: expected a time limit as Slurm writes it'],
      [['--mem', '4GB'], '--mem: expected memory per node'],
      [['--partition', 'a b'], '--partition: expected a partition name'],
      [['--account', 'a;b'], '--account: expected an account name'],
      [['--extra', 'qos=long'], '--extra: expected one whole line "#SBATCH --option=value" (got "qos=long")'],
      [['--extra', '#SBATCH --array=1-3'], '--extra: --array is set by mimo study slurm itself'],
      [['--node', 'bin/node'], '--node: expected the absolute path of Node.js on the nodes (got "bin/node")'],
    ];
    for (const [flags, message] of cases) {
      const r = mimo(['study', 'slurm', file, '--out', out, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toContain(message);
      expect(r.stderr).not.toContain('    at ');
    }
    const spaced = mimo(['study', 'slurm', file, '--out', join(dir, 'my study')]);
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toContain("--out: the folder's path goes into #SBATCH lines: no spaces");
    const underFile = mimo(['study', 'slurm', file, '--out', join(file, 'out')]);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr.trim()).toBe(`--out: ${file} is a file: no folder can be made under it`);
    const bad = writeStudy(dir, 'name: s\nscenario: none.yaml\n', 'bad.yaml');
    const r = mimo(['study', 'slurm', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${bad}: scenario: no such file (got ${join(dir, 'none.yaml')})`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'my study'))).toBe(false);
  });

  it('writes scripts whose tasks, run by hand, resume shard by shard and merge into the local tables', () => {
    const dir = tempDir();
    const file = sobolStudy(dir);
    const local = join(dir, 'local');
    expect(mimo(['study', file, '--out', local, '--quiet']).code).toBe(0);

    const out = join(dir, 'cluster');
    const r = mimo(['study', 'slurm', file, '--out', out, '--tasks', '3', '--throttle', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('study ishi: 80 runs in 3 tasks of 26-27 runs');
    expect(r.stdout).toContain(`array=$(sbatch --parsable ${out}/slurm/study.sbatch)`);
    for (const name of ['study.sbatch', 'merge.sbatch', 'HOWTO.txt'])
      expect(existsSync(join(out, 'slurm', name))).toBe(true);
    expect(readFileSync(join(out, 'slurm/study.sbatch'), 'utf8')).toContain('#SBATCH --array=1-3%2');

    const status = mimo(['study', 'status', out]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('study ishi: 0 of 80 runs done');
    expect(status.stdout).toContain('  shard 3/3  missing   0 of 26 runs');
    expect(status.stdout).toContain(`  sbatch --array=1-3 ${out}/slurm/study.sbatch`);

    expect(runScript(join(out, 'slurm/study.sbatch'), 2)).toBe(0);
    // Shard 1 stopped after its first batch (its journal cut to one line), as a cancelled task leaves it.
    expect(runScript(join(out, 'slurm/study.sbatch'), 1)).toBe(0);
    const journal = join(out, 'journal-1of3.jsonl');
    writeFileSync(journal, readFileSync(journal, 'utf8').split('\n')[0] + '\n');
    const partial = mimo(['study', 'status', out]).stdout;
    expect(partial).toMatch(/ {2}shard 1\/3 {2}partial +\d+ of 27 runs/);
    expect(partial).toContain('  shard 2/3  done     27 of 27 runs');
    expect(partial).toContain(`  sbatch --array=1,3 ${out}/slurm/study.sbatch`);

    const early = mimo(['study', 'merge', out]);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/runs missing in 2 shards 1\/3 \(\d+ of 27\), 3\/3 \(26 of 26\): run /);
    expect(runScript(join(out, 'slurm/merge.sbatch'))).toBe(2);

    expect(runScript(join(out, 'slurm/study.sbatch'), 1)).toBe(0);
    expect(runScript(join(out, 'slurm/study.sbatch'), 3)).toBe(0);
    expect(mimo(['study', 'status', out]).stdout).toContain('every run is done');
    expect(runScript(join(out, 'slurm/merge.sbatch'))).toBe(0);
    for (const name of ['runs.csv', 'sensitivity.csv', 'points.csv', 'runs.parquet'])
      expect(readFileSync(join(out, name)), name).toEqual(readFileSync(join(local, name)));
  });

  it('keeps a folder’s sharding unless --restart, and reports sbatch missing after writing the scripts', () => {
    const dir = tempDir();
    const file = sobolStudy(dir);
    const out = join(dir, 'out');
    expect(mimo(['study', file, '--out', out, '--shard', '1/2', '--quiet']).code).toBe(0);
    const other = mimo(['study', 'slurm', file, '--out', out, '--tasks', '4']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      `--tasks: ${out} holds the journals of this study in 2 shards: give --tasks 2`,
    );
    expect(existsSync(join(out, 'slurm'))).toBe(false);
    expect(mimo(['study', 'slurm', file, '--out', out, '--tasks', '2']).code).toBe(0);
    expect(mimo(['study', 'status', out]).stdout).toContain('  shard 1/2  done');

    const noSlurm = spawnSync(
      process.execPath,
      [BIN, 'study', 'slurm', file, '--out', out, '--tasks', '4', '--restart', '--submit'],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent' },
      },
    );
    expect(noSlurm.status).toBe(2);
    expect(noSlurm.stderr).toContain('--submit: cannot run sbatch (ENOENT): is this a Slurm login node?');
    expect(readFileSync(join(out, 'slurm/study.sbatch'), 'utf8')).toContain('--array=1-4');
    expect(mimo(['study', 'status', out]).stdout).toContain('0 of 80 runs done');
  });
});
