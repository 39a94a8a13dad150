/**
 * The study runner's figures (part of `npm run bench`, never a test): parallel efficiency T(1) / (W · T(W)) of a
 * study of 8 baseline runs at 3,000 members × 365 ticks, the cost of one run, and peak memory; and what
 * `record: final` saves over recording every tick.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Wall seconds of one `mimo study` and the peak memory it reports. */
function timeStudy(file: string, workers: number): { seconds: number; memory: string } {
  const out = mkdtempSync(join(tmpdir(), 'mimo-bench-study-'));
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/mimo.js'), 'study', file, '--out', out, '--workers', String(workers)],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`mimo study failed: ${r.stderr}`);
  const memory = /peak memory (.*)/.exec(r.stderr)?.[1] ?? '?';
  return { seconds, memory };
}

function studyFile(record: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-'));
  const file = join(dir, 'study.yaml');
  writeFileSync(
    file,
    `name: bench\nscenario: ${join(ROOT, 'scenarios/baseline.yaml')}\nticks: 365\nseeds: 8\n` +
      `set: { params.members: 3000 }\nrecord: ${record}\n`,
  );
  return file;
}

export function benchStudy(): string[] {
  const every = studyFile('{ every: 1 }');
  const one = timeStudy(every, 1);
  const two = timeStudy(every, 2);
  const final = timeStudy(studyFile('final'), 1);
  const efficiency = one.seconds / (2 * two.seconds);
  return [
    'mimo study — 8 baseline runs, 3,000 members × 365 ticks (whole processes, one timing each)',
    `  1 worker:  ${one.seconds.toFixed(2)} s (${(one.seconds / 8).toFixed(2)} s per run); ${one.memory}`,
    `  2 workers: ${two.seconds.toFixed(2)} s; ${two.memory}`,
    `  parallel efficiency T(1) / (2 · T(2)) = ${efficiency.toFixed(2)}`,
    `  record: final, 1 worker: ${final.seconds.toFixed(2)} s (${(final.seconds / 8).toFixed(2)} s per run)`,
  ];
}
