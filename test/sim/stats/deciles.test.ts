import { describe, expect, it } from 'vitest';
import { decileShares } from '../../../sim/stats/deciles.js';

describe('decileShares', () => {
  it('gives the bottom and top tenth of the total', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20, total 210
    expect(decileShares(values)).toEqual({ bottom: 3 / 210, top: 39 / 210 });
    expect(decileShares([5, 5, 5, 5])).toEqual({ bottom: 0.25, top: 0.25 });
    expect(decileShares([])).toEqual({ bottom: 0, top: 0 });
    expect(decileShares([0, 0, 0])).toEqual({ bottom: 0, top: 0 });
  });
});
