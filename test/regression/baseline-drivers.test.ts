import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../models/index.js';
import { packageVersion } from '../../sim/host/cli/package-info.js';
import { loadStudy } from '../../sim/host/node/load-study.js';
import { studyRecord } from '../../sim/host/node/study-record.js';
import { mimo, ROOT } from '../sim/host/cli/cli-helpers.js';
import { duckdb } from '../sim/host/cli/study-helpers.js';

/**
 * The shipped results of `scenarios/studies/baseline-drivers.yaml` (README "What drives the baseline economy", the
 * baseline-drivers notebook) are what the code gives now: a few of its runs, reproduced with `mimo run --set`,
 * give the fingerprints the shipped runs.parquet holds. A deliberate model change fails this test: re-run the
 * study (`npx mimo study scenarios/studies/baseline-drivers.yaml --out notebooks/data/baseline-drivers --restart`),
 * copy study.json, points.csv, runs.parquet and sensitivity.csv, and say so in the commit.
 */
const DATA = join(ROOT, 'notebooks/data/baseline-drivers');
const study = JSON.parse(readFileSync(join(DATA, 'study.json'), 'utf8')) as {
  hash: string;
  ticks: number;
  set: Record<string, unknown>;
  record: string;
  points: Record<string, number>[];
  runs: number;
};
const dir = mkdtempSync(join(tmpdir(), 'mimo-drivers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shipped baseline-drivers study', () => {
  it('is the study file as it is now (the same study hash)', () => {
    const current = studyRecord(
      loadStudy(join(ROOT, 'scenarios/studies/baseline-drivers.yaml'), registry),
      packageVersion(),
      '',
    );
    expect(current.hash).toBe(study.hash);
    expect(current.runs).toBe(study.runs);
  });

  it.each([
    [0, 1],
    [1234, 2],
    [2559, 3],
  ])('reproduces point %i, seed %i with mimo run', async (point, seed) => {
    const [row] = await duckdb(
      `SELECT fingerprint FROM read_parquet('${join(DATA, 'runs.parquet')}') WHERE point = ${point} AND seed = ${seed}`,
    );
    const sets = Object.entries({ ...study.set, ...study.points[point] }).flatMap(([path, v]) => [
      '--set',
      `${path}=${v}`,
    ]);
    const out = join(dir, `p${point}-s${seed}`);
    const r = mimo([
      'run',
      'scenarios/baseline.yaml',
      '--quiet',
      '--out',
      out,
      '--seed',
      String(seed),
      '--ticks',
      String(study.ticks),
      '--record',
      study.record,
      ...sets,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).fingerprint).toBe(row.fingerprint);
  });
});
