import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../../sim/ensemble/comparison.js';

describe('comparePolicies', () => {
  it('keeps every metric any policy records: rows with 0 runs and no values where a policy has none', () => {
    const metrics = ['gini', 'tokens', 'debt'];
    const results = [
      {
        records: [true, true, false],
        finals: [
          [0.5, 3, NaN],
          [0.7, 5, NaN],
        ],
      },
      {
        records: [true, false, true],
        finals: [
          [0.4, NaN, 1],
          [0.4, NaN, 2],
        ],
      },
    ];
    const rows = comparePolicies(['a', 'b'], metrics, results);
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
    expect(rows[0].diff).toBeNaN(); // the first policy has no difference
  });
});
