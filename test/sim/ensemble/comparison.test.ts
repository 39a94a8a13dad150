import { describe, expect, it } from 'vitest';
import { comparePolicies, metricNames } from '../../../sim/ensemble/comparison.js';
import type { RunResult } from '../../../sim/run/run.js';

/** A run result whose metrics have these final values (mean = final). */
function run(seed: number, finals: Record<string, number>): RunResult {
  const metrics = Object.fromEntries(
    Object.entries(finals).map(([m, v]) => [m, { final: v, mean: v, min: v, max: v }]),
  );
  return { scenario: 's', model: 'm', seed, ticks: 1, fingerprint: 'f', metrics };
}

describe('comparePolicies', () => {
  it('keeps every metric any policy records: rows with 0 runs and no values where a policy has none', () => {
    const results = [
      [run(1, { gini: 0.5, tokens: 3 }), run(2, { gini: 0.7, tokens: 5 })],
      [run(1, { gini: 0.4, debt: 1 }), run(2, { gini: 0.4, debt: 2 })],
    ];
    expect(metricNames(results)).toEqual(['gini', 'tokens', 'debt']);
    const rows = comparePolicies(['a', 'b'], results);
    expect(rows.map((r) => `${r.metric}/${r.policy}/${r.runs}`)).toEqual([
      'gini/a/2',
      'gini/b/2',
      'tokens/a/2',
      'tokens/b/0',
      'debt/a/0',
      'debt/b/2',
    ]);
    const gini = rows[1];
    expect(gini.diff).toBeCloseTo(-0.2);
    const tokensB = rows[3];
    expect([tokensB.mean, tokensB.low, tokensB.diff]).toEqual([NaN, NaN, NaN]);
    expect(rows[5].mean).toBe(1.5);
    expect(rows[5].diff).toBeNaN(); // no paired value in the first policy
  });
});
