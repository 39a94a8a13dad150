import { describe, expect, it } from 'vitest';
import { CurrencyPairs, pairCount } from '../../../../models/mimo/market/pairs.js';

describe('CurrencyPairs', () => {
  it('numbers the C(C-1)/2 unordered pairs, fiat pairs first, base = the higher currency', () => {
    const p = new CurrencyPairs(4);
    expect(p.count).toBe(6);
    expect(pairCount(4)).toBe(6);
    expect([...p.quote]).toEqual([0, 0, 0, 1, 1, 2]);
    expect([...p.base]).toEqual([1, 2, 3, 2, 3, 3]);
    for (let k = 0; k < p.count; k++) {
      expect(p.index(p.quote[k], p.base[k])).toBe(k);
      expect(p.index(p.base[k], p.quote[k])).toBe(k);
    }
  });

  it('has no pair for one currency with itself or out of range', () => {
    const p = new CurrencyPairs(3);
    expect(() => p.index(1, 1)).toThrow(/no pair of currencies 1 and 1 among 3/);
    expect(() => p.index(0, 3)).toThrow(/no pair/);
    expect(new CurrencyPairs(1).count).toBe(0);
  });
});
