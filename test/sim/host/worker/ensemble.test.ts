import { describe, expect, it } from 'vitest';
import { distributionOf } from '../../../../sim/host/worker/distribution.js';
import { quantileBand, sampleIntervals } from '../../../../sim/host/worker/ensemble.js';
import { meanInterval } from '../../../../sim/stats/interval.js';

describe('ensemble helpers of the worker API', () => {
  it('gives the per-tick mean and central quantiles (type 7)', () => {
    const series = [0, 1, 2, 3, 4].map((k) => Float64Array.of(k, 10 * k, 7));
    const band = quantileBand(series, 0.5);
    expect([...band.mean]).toEqual([2, 20, 7]);
    expect([...band.low]).toEqual([1, 10, 7]);
    expect([...band.high]).toEqual([3, 30, 7]);
    const wide = quantileBand(series, 0.9);
    expect(wide.low[0]).toBeCloseTo(0.2, 12);
    expect(wide.high[0]).toBeCloseTo(3.8, 12);
  });

  it('uses the Student t interval of sim/stats', () => {
    const [iv] = sampleIntervals([[1, 2, 3, 4, 10]], 0.95);
    expect(iv).toEqual(meanInterval([1, 2, 3, 4, 10], 0.95));
  });

  it('bins integer data on integer edges and gives the Lorenz curve', () => {
    const d = distributionOf(Float64Array.of(0, 0, 1, 2, 2, 2, 9), 3, 4, 5);
    expect(d.binWidth).toBe(3);
    expect([...d.binStart]).toEqual([0, 3, 6, 9]);
    expect([...d.counts]).toEqual([6, 0, 0, 1]);
    expect(d.mean).toBeCloseTo(16 / 7, 12);
    expect(d.lorenzShare[0]).toBe(0);
    expect(d.lorenzShare[4]).toBeCloseTo(1, 12);
    const real = distributionOf(Float64Array.of(0.5, 1.5, 2.5), 1, 2, 3);
    expect(real.counts.length).toBe(2);
    expect([...real.counts]).toEqual([1, 2]);
  });
});
