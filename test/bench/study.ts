/**
 * The study runner's figures (part of `npm run bench`, never a test): parallel efficiency T(1) / (W · T(W)) of a
 * study of 8 baseline runs at 3,000 members × 365 ticks, the cost of one run, and peak memory; the same for 32 runs
 * (each worker's start-up and JIT warm-up spread over more runs); two ceilings no runner can pass: two bare
 * `mimo run` processes side by side, and the 8 runs done by one process in turn against two processes doing 4
 * each side by side (no runner, no files); and what `record: final` saves over recording every tick.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bestOfEach } from './timing.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const MIMO = join(ROOT, 'bin/mimo.js');
const BASELINE = join(ROOT, 'scenarios/baseline.yaml');

/** Wall seconds of one `mimo study` and the peak memory it reports. */
function timeStudy(file: string, workers: number): { seconds: number; memory: string } {
  const out = mkdtempSync(join(tmpdir(), 'mimo-bench-study-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [MIMO, 'study', file, '--out', out, '--workers', String(workers)], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`mimo study failed: ${r.stderr}`);
  const memory = /peak memory (.*)/.exec(r.stderr)?.[1] ?? '?';
  return { seconds, memory };
}

function studyFile(record: string, seeds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    `name: bench\nscenario: ${BASELINE}\nticks: 365\nseeds: ${seeds}\n` +
      `set: { params.members: 3000 }\nrecord: ${record}\n`,
  );
  return file;
}

/** Wall seconds until `count` bare `mimo run` processes of the same study run, started together, have all ended. */
async function timeBareRuns(count: number): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'mimo-bench-run-'));
  const t0 = performance.now();
  await Promise.all(
    Array.from(
      { length: count },
      (_, k) =>
        new Promise<void>((done, fail) => {
          const args = [MIMO, 'run', BASELINE, '--set', 'params.members=3000', '--seed', String(k + 1)];
          const child = spawn(process.execPath, [...args, '--out', join(out, String(k)), '--quiet']);
          child.on('error', fail);
          child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`mimo run exited ${code}`))));
        }),
    ),
  );
  return (performance.now() - t0) / 1000;
}

/**
 * Wall seconds from starting the runs until `processes` processes, each running `8 / processes` baseline runs in
 * turn, have all ended: each loads first and says `ready`, and all are started together, so loading (which in this
 * module tree includes mathjs's whole instance) is not timed.
 */
async function timeRunsInProcesses(processes: number): Promise<number> {
  const child = join(import.meta.dirname, 'study-runs-child.js');
  const each = 8 / processes;
  const runs = Array.from({ length: processes }, (_, k) =>
    spawn(process.execPath, [child, '3000', String(each), String(1 + k * each)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const ended = runs.map(
    (run) =>
      new Promise<void>((done, fail) => {
        run.on('error', fail);
        run.on('exit', (code) => (code === 0 ? done() : fail(new Error(`study-runs-child exited ${code}`))));
      }),
  );
  await Promise.all(runs.map((run) => new Promise<void>((ready) => run.stdout.once('data', () => ready()))));
  const t0 = performance.now();
  for (const run of runs) run.stdin.end('go\n');
  await Promise.all(ended);
  return (performance.now() - t0) / 1000;
}

export async function benchStudy(): Promise<string[]> {
  const every = studyFile('{ every: 1 }', 8);
  const every32 = studyFile('{ every: 1 }', 32);
  const memory = { one: '?', two: '?' };
  // Timed in turns (see bestOfEach): one and two workers, then the bare processes.
  const eight = await bestOfEach(2, {
    one: () => {
      const t = timeStudy(every, 1);
      memory.one = t.memory;
      return t.seconds;
    },
    two: () => {
      const t = timeStudy(every, 2);
      memory.two = t.memory;
      return t.seconds;
    },
  });
  const many = await bestOfEach(1, {
    one: () => timeStudy(every32, 1).seconds,
    two: () => timeStudy(every32, 2).seconds,
  });
  const bare = await bestOfEach(3, { one: () => timeBareRuns(1), two: () => timeBareRuns(2) });
  const plain = await bestOfEach(2, { one: () => timeRunsInProcesses(1), two: () => timeRunsInProcesses(2) });
  const final = timeStudy(studyFile('final', 8), 1);
  const efficiency = (t1: number, t2: number) => (t1 / (2 * t2)).toFixed(2);
  return [
    'mimo study — baseline runs, 3,000 members × 365 ticks, every tick recorded (whole processes)',
    `   8 runs, 1 worker:  ${eight.one.toFixed(2)} s (${(eight.one / 8).toFixed(2)} s per run); ${memory.one}`,
    `   8 runs, 2 workers: ${eight.two.toFixed(2)} s; ${memory.two}`,
    `   parallel efficiency T(1) / (2 · T(2)) = ${efficiency(eight.one, eight.two)} (best of 2 each, in turns)`,
    `  32 runs: ${many.one.toFixed(2)} s with 1 worker, ${many.two.toFixed(2)} s with 2: ` +
      `efficiency ${efficiency(many.one, many.two)} (each worker's start-up and JIT warm-up spread over more runs)`,
    `  the ceiling for one run per process: one bare \`mimo run\` ${bare.one.toFixed(2)} s, two side by side ` +
      `${bare.two.toFixed(2)} s: efficiency ${(bare.one / bare.two).toFixed(2)} (best of 3, in turns)`,
    `  the ceiling with no runner: the 8 runs in one process ${plain.one.toFixed(2)} s, 4 each in two processes ` +
      `side by side ${plain.two.toFixed(2)} s: efficiency ${efficiency(plain.one, plain.two)} (best of 2, in turns)`,
    `  record: final, 8 runs, 1 worker: ${final.seconds.toFixed(2)} s (${(final.seconds / 8).toFixed(2)} s per run)`,
  ];
}
