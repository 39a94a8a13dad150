import { describe, expect, it } from 'vitest';
import { randomUnit, splitPool, sweepUnit } from '../../../models/kinetic-exchange/exchange.js';
import { Book } from '../../../sim/ledger/book.js';
import { stream } from '../../../sim/random/streams.js';

/** A book of money with these opening balances and debt limit. */
function book(balances: readonly number[], debtLimit = 0): Book {
  const money = new Book('money', 'backed', balances.length, debtLimit);
  balances.forEach((b, i) => money.open(i, b));
  return money;
}

describe('splitPool (Chakraborti & Chakrabarti, integer form)', () => {
  it('keeps floor(λ e) of each side, splits the rest uniformly, and conserves the pair’s money', () => {
    const rng = stream(1, 0, 'split');
    const saving = 0.5;
    const debtLimit = 2;
    // e = w + debtLimit: a keeps floor(0.5 × 9) = 4, b keeps floor(0.5 × 5) = 2; the pool is 5 + 3 = 8.
    const seen = new Map<number, number>();
    for (let k = 0; k < 9000; k++) {
      const money = book([7, 3], debtLimit);
      splitPool(money, rng, 0, 1, saving, debtLimit);
      const [a, b] = money.balances;
      expect(a + b).toBe(10);
      seen.set(a, (seen.get(a) ?? 0) + 1);
    }
    // a ends with kept 4 + k, k uniform in [0, 8], minus the debt shift: a in [2, 10].
    expect([...seen.keys()].sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const count of seen.values()) expect(Math.abs(count - 1000)).toBeLessThan(130);
  });

  it('with λ = 0 the whole wealth above the floor is pooled; λ near 1 keeps almost everything', () => {
    const rng = stream(2, 0, 'split');
    const low = new Set<number>();
    const high = new Set<number>();
    for (let k = 0; k < 2000; k++) {
      const a = book([10, 10]);
      splitPool(a, rng, 0, 1, 0, 0);
      low.add(a.balances[0]);
      const b = book([10, 10]);
      splitPool(b, rng, 0, 1, 0.9, 0);
      high.add(b.balances[0]);
    }
    expect(Math.min(...low)).toBe(0);
    expect(Math.max(...low)).toBe(20);
    // Each keeps 9 of 10, the pool is 2: a ends with 9, 10 or 11.
    expect([...high].sort((x, y) => x - y)).toEqual([9, 10, 11]);
  });

  it('does nothing when an agent meets itself', () => {
    const money = book([5, 5]);
    splitPool(money, stream(3, 0, 'split'), 1, 1, 0, 0);
    expect([...money.balances]).toEqual([5, 5]);
  });
});

describe('sweepUnit (the Mesa Boltzmann model)', () => {
  it('lets every agent give at most once per sweep, only what it has, in a fresh order each time', () => {
    const rng = stream(4, 0, 'sweep');
    const money = book(Array.from({ length: 50 }, (_, i) => i % 3));
    const order = Int32Array.from({ length: 50 }, (_, i) => i);
    for (let sweep = 0; sweep < 20; sweep++) {
      const before = Float64Array.from(money.balances);
      sweepUnit(money, rng, order, 1);
      for (let i = 0; i < 50; i++) expect(money.balances[i] - before[i]).toBeGreaterThanOrEqual(-1);
      expect(Math.min(...money.balances)).toBeGreaterThanOrEqual(0);
      expect(money.total()).toBe(money.expectedTotal());
    }
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...order]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('randomUnit (Dragulescu & Yakovenko)', () => {
  it('moves nothing when no one can pay, and lets balances reach the debt limit but not pass it', () => {
    const broke = book([0, 0, 0, 0]);
    randomUnit(broke, stream(5, 0, 'pairs'), 4, 1);
    expect([...broke.balances]).toEqual([0, 0, 0, 0]);

    const money = book([1, 1, 1, 1, 1, 1], 3);
    const rng = stream(6, 0, 'pairs');
    let lowest = 0;
    for (let k = 0; k < 200; k++) {
      randomUnit(money, rng, 6, 1);
      lowest = Math.min(lowest, ...money.balances);
      expect(money.total()).toBe(6);
    }
    expect(lowest).toBe(-3);
  });
});
