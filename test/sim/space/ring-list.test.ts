import { describe, expect, it } from 'vitest';
import { Rng } from '../../../sim/random/rng.js';
import { BLOCK, halfWindow, RingList } from '../../../sim/space/ring-list.js';

const rng = () => new Rng([1, 2, 3, 4]);
const everyThird = (n: number) => Int32Array.from({ length: Math.ceil(n / 3) }, (_, k) => 3 * k);

describe('RingList', () => {
  it('a window covering the ring draws from the whole list; an empty list gives −1', () => {
    const list = new RingList(everyThird(3000), 3000);
    const r = rng();
    const seen = new Set<number>();
    for (let k = 0; k < 20000; k++) seen.add(list.pick(1500, halfWindow(0), r));
    expect(seen.size).toBe(1000);
    expect(new RingList(new Int32Array(0), 3000).pick(5, 1, r)).toBe(-1);
  });

  it('draws only ids within `half` blocks of the centre, wrapping around the ring', () => {
    const n = 100 * BLOCK;
    const list = new RingList(everyThird(n), n);
    const r = rng();
    const blockOf = (id: number) => Math.floor(id / BLOCK);
    for (const centre of [0, 5, 50 * BLOCK + 7, n - 1]) {
      const seen = new Set<number>();
      for (let k = 0; k < 5000; k++) {
        const id = list.pick(centre, 2, r);
        const distance = Math.abs(blockOf(id) - blockOf(centre));
        expect(Math.min(distance, 100 - distance)).toBeLessThanOrEqual(2);
        seen.add(blockOf(id));
      }
      expect(seen.size).toBe(5); // the centre's block and two on either side, across the wrap
    }
  });

  it('draws every entry of the window with equal chance (chi-square, 5 blocks across the wrap)', () => {
    const n = 40 * BLOCK;
    const ids = everyThird(n);
    const list = new RingList(ids, n);
    const r = rng();
    const counts = new Map<number, number>();
    const draws = 200_000;
    for (let k = 0; k < draws; k++) {
      const id = list.pick(0, 2, r);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const cells = counts.size;
    const inWindow = ids.filter((id) => id < 3 * BLOCK || id >= 38 * BLOCK).length;
    expect(cells).toBe(inWindow);
    const expected = draws / cells;
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - expected) ** 2 / expected;
    // cells − 1 ≈ 426 degrees of freedom: mean 426, sd ≈ 29; 5 sd above is far beyond chance.
    expect(chi2).toBeLessThan(cells - 1 + 5 * Math.sqrt(2 * (cells - 1)));
  });

  it('a window of at least `reach` ids: halfWindow rounds up to whole blocks', () => {
    expect(halfWindow(1)).toBe(0);
    expect(halfWindow(BLOCK)).toBe(0);
    expect(halfWindow(BLOCK + 1)).toBe(1);
    expect(halfWindow(3 * BLOCK)).toBe(1);
    expect((2 * halfWindow(20000) + 1) * BLOCK).toBeGreaterThanOrEqual(20000);
    expect((2 * (halfWindow(20000) - 1) + 1) * BLOCK).toBeLessThan(20000);
  });
});
