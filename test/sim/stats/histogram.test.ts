import { describe, expect, it } from 'vitest';
import { histogram } from '../../../sim/stats/index.js';

describe('histogram', () => {
  it('bins integer data on integer edges, the maximum in the last bin', () => {
    const h = histogram(Float64Array.of(0, 0, 1, 2, 2, 2, 9), 4);
    expect(h.binWidth).toBe(3);
    expect([...h.binStart]).toEqual([0, 3, 6, 9]);
    expect([...h.counts]).toEqual([6, 0, 0, 1]);
  });

  it('gives one bin per value when there are fewer values than bins', () => {
    const h = histogram([3, 5, 5], 40);
    expect(h.binWidth).toBe(1);
    expect([...h.binStart]).toEqual([3, 4, 5]);
    expect([...h.counts]).toEqual([1, 0, 2]);
  });

  it('splits real data into `bins` equal bins', () => {
    const h = histogram(Float64Array.of(0.5, 1.5, 2.5), 2);
    expect(h.binWidth).toBe(1);
    expect([...h.binStart]).toEqual([0.5, 1.5]);
    expect([...h.counts]).toEqual([1, 2]);
  });

  it('puts constant and empty data in one bin', () => {
    expect([...histogram([0.25, 0.25], 10).counts]).toEqual([2]);
    expect([...histogram([], 10).counts]).toEqual([0]);
  });
});
