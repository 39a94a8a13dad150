import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../sim/host/worker/api.js';
import {
  runsCsv,
  runsSummary,
  runsTableRows,
  SHOWN_DIGITS,
  type ComparedRun,
} from '../../../viz/views/compare-runs.js';

const A = 'a'.repeat(60) + '0001';
const B = 'b'.repeat(60) + '0002';
const C = 'c'.repeat(60) + '0003';

function run(policy: string, seed: number, fingerprint: string, metrics: RunResult['metrics']): ComparedRun {
  return { policy, result: { scenario: policy, model: 'm', seed, ticks: 30, fingerprint, metrics } };
}

const summary = (final: number, mean: number) => ({ final, mean, min: 0, max: 1 });

// Two policies of different models: `gini` recorded by both, `surplus` by the second only.
const runs: ComparedRun[] = [
  run('money-game (agents=500, debtLimit=5)', 1, A, { gini: summary(0.25, 0.125) }),
  run('money-game (agents=500, debtLimit=5)', 2, B, { gini: summary(1 / 3, NaN) }),
  run('zi-c', 1, C, { gini: summary(0, 0), surplus: summary(1e21, -0.5) }),
];

describe('the runs table of a comparison', () => {
  it('has a row per run in order, the fingerprint shortened and whole', () => {
    const rows = runsTableRows(runs);
    expect(rows.map((r) => [r.policy, r.seed, r.ticks])).toEqual([
      ['money-game (agents=500, debtLimit=5)', 1, 30],
      ['money-game (agents=500, debtLimit=5)', 2, 30],
      ['zi-c', 1, 30],
    ]);
    expect(rows.map((r) => r.fingerprint)).toEqual([A, B, C]);
    expect(rows[0].short).toBe(`${'a'.repeat(SHOWN_DIGITS)}…`);
    expect(runsTableRows([run('p', 1, 'abc', {})])[0].short).toBe('abc');
    expect(runsTableRows([])).toEqual([]);
  });

  it('says how many runs it lists', () => {
    expect(runsSummary(12)).toBe('12 runs: fingerprints');
    expect(runsSummary(1)).toBe('1 run: fingerprints');
  });
});

describe('the runs CSV of a comparison', () => {
  it("has mimo compare's runs.csv columns in its order and ticks, whole fingerprints, empty cells where a metric is missing", () => {
    expect(runsCsv(runs, ['gini', 'surplus']).split('\n')).toEqual([
      'policy,seed,fingerprint,ticks,gini_final,gini_mean,surplus_final,surplus_mean',
      `"money-game (agents=500, debtLimit=5)",1,${A},30,0.25,0.125,,`,
      `"money-game (agents=500, debtLimit=5)",2,${B},30,0.3333333333333333,,,`,
      `zi-c,1,${C},30,0,0,1e+21,-0.5`,
      '',
    ]);
  });

  it('quotes a quote in a policy label, and has only the header when there are no runs', () => {
    const quoted = runsCsv([run('p (name="x")', 1, A, {})], []);
    expect(quoted).toBe(`policy,seed,fingerprint,ticks\n"p (name=""x"")",1,${A},30\n`);
    expect(runsCsv([], ['gini'])).toBe('policy,seed,fingerprint,ticks,gini_final,gini_mean\n');
  });
});
