import { describe, expect, it } from 'vitest';
import { quantileBand } from '../../../sim/stats/index.js';

describe('quantileBand', () => {
  it('gives the per-index mean and central quantiles (type 7)', () => {
    const series = [0, 1, 2, 3, 4].map((k) => Float64Array.of(k, 10 * k, 7));
    const band = quantileBand(series, 0.5);
    expect([...band.mean]).toEqual([2, 20, 7]);
    expect([...band.low]).toEqual([1, 10, 7]);
    expect([...band.high]).toEqual([3, 30, 7]);
    const wide = quantileBand(series, 0.9);
    expect(wide.low[0]).toBeCloseTo(0.2, 12);
    expect(wide.high[0]).toBeCloseTo(3.8, 12);
  });

  it('does not depend on the order of the series, and cuts them to the shortest', () => {
    const band = quantileBand(
      [Float64Array.of(4, 1, 9), Float64Array.of(0, 3), Float64Array.of(2, 2, 2)],
      0.5,
    );
    expect(band.mean.length).toBe(2);
    expect([...band.low]).toEqual([1, 1.5]);
    expect([...band.high]).toEqual([3, 2.5]);
    expect(quantileBand([], 0.9).mean.length).toBe(0);
  });
});
