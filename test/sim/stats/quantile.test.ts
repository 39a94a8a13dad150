import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../sim/stats/index.js';

describe('quantileSorted', () => {
  it('interpolates between order statistics (type 7, as R and d3-array)', () => {
    const sorted = Float64Array.of(1, 2, 4, 8, 16);
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(16);
    expect(quantileSorted(sorted, 0.5)).toBe(4);
    expect(quantileSorted(sorted, 0.25)).toBe(2);
    expect(quantileSorted(sorted, 0.875)).toBe(12); // h = 3.5: halfway between 8 and 16
    expect(quantileSorted(sorted, 0.1)).toBeCloseTo(1.4, 12);
  });

  it('gives the value of a single-element sample and NaN for an empty one', () => {
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
