import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buyerContext,
  counterpartyContext,
  pseudonymKey,
  Pseudonyms,
} from '../../../../../models/mimo/ais/privacy/pseudonyms.js';

afterEach(() => vi.restoreAllMocks());

describe('AIS pseudonyms', () => {
  it('are deterministic for a run and change with seed, replicate and context', () => {
    const a = new Pseudonyms(7, 0);
    const b = new Pseudonyms(7, 0);
    const ctx = buyerContext('acme');
    expect(a.of(ctx, 42)).toBe(b.of(ctx, 42));
    expect(a.of(ctx, 42)).toMatch(/^p[0-9a-f]{20}$/);
    expect(new Pseudonyms(8, 0).of(ctx, 42)).not.toBe(a.of(ctx, 42));
    expect(new Pseudonyms(7, 1).of(ctx, 42)).not.toBe(a.of(ctx, 42));
    expect(a.of(buyerContext('other'), 42)).not.toBe(a.of(ctx, 42));
    expect(a.of(counterpartyContext(3), 42)).not.toBe(a.of(counterpartyContext(4), 42));
  });

  it('take their key from the seed and replicate, never from Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const p = new Pseudonyms(1, 2);
    p.of(buyerContext('x'), 1);
    expect(spy).not.toHaveBeenCalled();
    expect(Array.from(pseudonymKey(1, 2))).toEqual(Array.from(pseudonymKey(1, 2)));
    expect(Array.from(pseudonymKey(1, 2))).not.toEqual(Array.from(pseudonymKey(2, 1)));
  });

  it('are distinct within a context and share nothing across contexts (no linkage by equality)', () => {
    const p = new Pseudonyms(3, 0);
    const members = 5000;
    const inA = new Set<string>();
    const inB = new Set<string>();
    for (let m = 0; m < members; m++) {
      inA.add(p.of(buyerContext('a'), m));
      inB.add(p.of(buyerContext('b'), m));
    }
    expect(inA.size).toBe(members);
    expect(inB.size).toBe(members);
    for (const x of inA) expect(inB.has(x)).toBe(false);
    // Sorting by pseudonym scrambles member order: rank correlation between contexts is ~0 (|r| < 4/sqrt(n)).
    const rank = (ctx: string): number[] => {
      const order = Array.from({ length: members }, (_, m) => m).sort((x, y) =>
        p.of(ctx, x) < p.of(ctx, y) ? -1 : 1,
      );
      const r = new Array<number>(members);
      order.forEach((m, i) => (r[m] = i));
      return r;
    };
    const ra = rank(buyerContext('a'));
    const rb = rank(buyerContext('b'));
    const mean = (members - 1) / 2;
    let cov = 0;
    let va = 0;
    for (let m = 0; m < members; m++) {
      cov += (ra[m] - mean) * (rb[m] - mean);
      va += (ra[m] - mean) ** 2;
    }
    expect(Math.abs(cov / va)).toBeLessThan(4 / Math.sqrt(members));
  });

  it('refuses malformed members and contexts', () => {
    const p = new Pseudonyms(1, 0);
    expect(() => p.of('buyer/a', -1)).toThrow(/member/);
    expect(() => p.of('buyer/a', 1.5)).toThrow(/member/);
    expect(() => p.of('buyer/a\n1', 1)).toThrow(/line break/);
  });
});
