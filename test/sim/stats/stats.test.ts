import { describe, expect, it } from 'vitest';
import {
  gini,
  hhi,
  IntegerHistogram,
  lorenz,
  meanInterval,
  sd,
  studentQuantile,
} from '../../../sim/stats/index.js';
import { stream } from '../../../sim/random/streams.js';

describe('gini', () => {
  it('is 0 for equality, (n-1)/n when one holds all, and 1/3 for a uniform [0,1] population', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(3 / 4, 12);
    const n = 100_001;
    const u = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    expect(gini(u)).toBeCloseTo(1 / 3, 4);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });

  it('from the integer histogram equals the sort-based value exactly', () => {
    const rng = stream(2, 0, 'g');
    const values = Float64Array.from({ length: 5000 }, () => rng.int(40) - 5);
    const h = new IntegerHistogram().fill(values);
    expect(h.gini()).toBeCloseTo(gini(values), 12);
    expect(h.sd()).toBeCloseTo(sd(values), 10);
    expect(h.countAtMost(0)).toBe(values.filter((v) => v <= 0).length);
    expect(h.countAtMost(-1)).toBe(values.filter((v) => v < 0).length);
  });

  it('from the integer histogram stays exact, and small, when a few values spread over a huge range', () => {
    // 3 agents holding up to 3e9: a window over the range would need gigabytes (issue 11: memory exhaustion).
    const h = new IntegerHistogram();
    const wide = [0, 1_000_000_000, 3_000_000_000];
    h.fill(wide);
    expect(h.gini()).toBeCloseTo(gini(wide), 12);
    expect(h.sd()).toBeCloseTo(sd(wide), 6);
    expect(h.countAtMost(999_999_999)).toBe(1);
    expect(h.countAtMost(1_000_000_000)).toBe(2);
    expect(h.counts.length).toBeLessThan(1e6);
    // Back to a narrow range: the window again, with the same values as a sort.
    const narrow = [3, 1, 2, 2, 9];
    h.fill(narrow);
    expect(h.gini()).toBeCloseTo(gini(narrow), 12);
    expect(h.countAtMost(2)).toBe(3);
  });
});

describe('lorenz, hhi, intervals', () => {
  it('lorenz runs from (0,0) to (1,1) below the diagonal', () => {
    const { population, share } = lorenz([1, 2, 3, 4], 5);
    expect(population[0]).toBe(0);
    expect(share[0]).toBe(0);
    expect(share[4]).toBeCloseTo(1, 12);
    expect(share[2]).toBeCloseTo(3 / 10, 12);
    for (let k = 0; k < 5; k++) expect(share[k]).toBeLessThanOrEqual(population[k] + 1e-12);
  });

  it('hhi is 1/k for k even shares and 1 for a monopoly', () => {
    expect(hhi([1, 1, 1, 1])).toBeCloseTo(0.25, 12);
    expect(hhi([0, 7, 0])).toBe(1);
    expect(hhi([0, 0])).toBe(0);
  });

  it("Student's t quantiles match the tables, and the interval covers", () => {
    expect(studentQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
    expect(studentQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(studentQuantile(0.95, 30)).toBeCloseTo(1.697, 3);
    const ci = meanInterval([1, 2, 3, 4, 5]);
    expect(ci.mean).toBe(3);
    expect(ci.low).toBeCloseTo(3 - 2.776 * Math.sqrt(2.5 / 5), 3);
  });
});
