import { describe, expect, it } from 'vitest';
import { RadixSorter, RadixSorter32 } from '../../../sim/stats/radix-sort.js';
import { stream } from '../../../sim/random/streams.js';

describe('RadixSorter', () => {
  const sorter = new RadixSorter();
  const rng = stream(8, 0, 'radix');

  it.each([
    ['mixed signs and magnitudes', () => (rng.float() - 0.5) * 10 ** rng.int(12)],
    ['integers of one magnitude', () => 1_000_000 + rng.int(50_000)],
    ['tiny and huge', () => (rng.chance(0.5) ? 1e-300 : 1e300) * rng.float()],
  ])('sorts %s exactly like the native sort', (_name, draw) => {
    for (const n of [0, 1, 63, 64, 1000, 20_000]) {
      const values = Float64Array.from({ length: n }, draw);
      const expected = Float64Array.from(values).sort();
      expect(sorter.sort(values)).toEqual(expected);
    }
  });

  it('handles infinities, zeros and repeated values', () => {
    const values = Float64Array.from({ length: 300 }, (_, i) => [Infinity, -Infinity, 0, -0, 5, -5][i % 6]);
    const sorted = sorter.sort(values);
    expect(sorted[0]).toBe(-Infinity);
    expect(sorted[299]).toBe(Infinity);
    for (let i = 1; i < 300; i++) expect(sorted[i] >= sorted[i - 1]).toBe(true);
  });
});

describe('RadixSorter32', () => {
  const sorter = new RadixSorter32();
  const rng = stream(9, 0, 'radix32');

  it.each([
    ['mixed signs and magnitudes', () => (rng.float() - 0.5) * 10 ** rng.int(12)],
    ['integers of one magnitude', () => 1_000_000 + rng.int(50_000)],
    ['tiny and huge', () => (rng.chance(0.5) ? 1e-30 : 1e30) * rng.float()],
  ])('sorts %s exactly like the native sort of single-precision values', (_name, draw) => {
    for (const n of [0, 1, 255, 256, 1000, 20_000]) {
      const values = Float32Array.from({ length: n }, draw);
      const expected = Float32Array.from(values).sort();
      expect(sorter.sort(values)).toEqual(expected);
    }
  });

  it('handles infinities, zeros and repeated values', () => {
    const values = Float32Array.from({ length: 300 }, (_, i) => [Infinity, -Infinity, 0, -0, 5, -5][i % 6]);
    const sorted = sorter.sort(values);
    expect(sorted[0]).toBe(-Infinity);
    expect(sorted[299]).toBe(Infinity);
    for (let i = 1; i < 300; i++) expect(sorted[i] >= sorted[i - 1]).toBe(true);
    expect(Object.is(sorted[100], -0) && Object.is(sorted[150], 0)).toBe(true); // −0 before +0, as the native sort
  });
});
