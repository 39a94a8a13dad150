import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimo, ROOT, tempDir } from '../sim/host/cli/cli-helpers.js';

/**
 * The behaviour of every shipped scenario, pinned: the fingerprint of each at seeds 1–3 and the bytes of a
 * `mimo compare` table. A refactor must leave them all unchanged.
 *
 * A deliberate model change moves them: re-record with
 *   UPDATE_FINGERPRINTS=1 npx vitest run test/regression/fingerprints.test.ts
 * and say in the commit (and the issue note) which scenarios changed and why.
 */
const RECORDED = join(import.meta.dirname, 'fingerprints.json');
const SEEDS = 3;

interface Recorded {
  /** `<scenario>,<seed>` → fingerprint. */
  runs: Record<string, string>;
  /** File of `mimo compare baseline fiat-recession --seeds 3` → SHA-256 of its bytes. */
  compare: Record<string, string>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function measure(): Recorded {
  const scenarios = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(ROOT, 'scenarios', f));
  const all = tempDir();
  const r = mimo(['compare', ...scenarios, '--seeds', String(SEEDS), '--quiet', '--out', all]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const runs: Record<string, string> = {};
  for (const line of readFileSync(join(all, 'runs.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [policy, seed, fingerprint] = line.split(',');
    runs[`${policy},${seed}`] = fingerprint;
  }
  const pair = tempDir();
  const policies = ['baseline.yaml', 'fiat-recession.yaml'].map((f) => join(ROOT, 'scenarios', f));
  expect(mimo(['compare', ...policies, '--seeds', String(SEEDS), '--quiet', '--out', pair]).code).toBe(0);
  const compare: Record<string, string> = {};
  for (const f of ['runs.csv', 'comparison.csv']) compare[f] = sha256(readFileSync(join(pair, f), 'utf8'));
  // comparison.json also says how long the run took and on how many workers: everything else is pinned.
  const {
    wallSeconds: _,
    workers: __,
    ...table
  } = JSON.parse(readFileSync(join(pair, 'comparison.json'), 'utf8'));
  compare['comparison.json'] = sha256(JSON.stringify(table));
  return { runs, compare };
}

describe('shipped scenarios', () => {
  it('keep their recorded fingerprints at seeds 1–3, and mimo compare its tables', () => {
    const now = measure();
    if (process.env.UPDATE_FINGERPRINTS) writeFileSync(RECORDED, JSON.stringify(now, null, 2) + '\n');
    const recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as Recorded;
    expect(now.runs).toEqual(recorded.runs);
    expect(now.compare).toEqual(recorded.compare);
  }, 600_000);
});
