import { describe, expect, it } from 'vitest';
import { distributionOf, gini, histogram, lorenz } from '../../../sim/stats/index.js';

describe('distributionOf', () => {
  it('gathers size, mean, Gini, histogram and Lorenz curve of a sample', () => {
    const values = Float64Array.of(0, 0, 1, 2, 2, 2, 9);
    const d = distributionOf(values, 4, 5);
    expect(d.n).toBe(7);
    expect(d.mean).toBeCloseTo(16 / 7, 12);
    expect(d.gini).toBe(gini(values));
    const h = histogram(values, 4);
    expect([d.binWidth, [...d.binStart], [...d.counts]]).toEqual([
      h.binWidth,
      [...h.binStart],
      [...h.counts],
    ]);
    expect([...d.lorenzShare]).toEqual([...lorenz(values, 5).share]);
    expect(d.lorenzShare[0]).toBe(0);
    expect(d.lorenzShare[4]).toBeCloseTo(1, 12);
  });

  it('has a NaN mean and Gini for an empty sample', () => {
    const d = distributionOf([], 10, 3);
    expect(d.n).toBe(0);
    expect(d.mean).toBeNaN();
    expect(d.gini).toBeNaN();
  });
});
