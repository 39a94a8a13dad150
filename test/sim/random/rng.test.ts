import { describe, expect, it } from 'vitest';
import { poissonByInversion } from '../../../sim/random/distributions.js';
import { Rng } from '../../../sim/random/rng.js';
import { stream, streamState, Streams } from '../../../sim/random/streams.js';

describe('Rng', () => {
  it('gives the same sequence for the same state and resumes exactly from a saved state', () => {
    const a = stream(7, 0, 'x');
    const b = stream(7, 0, 'x');
    const first = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(first);
    const saved = a.save();
    const next = Array.from({ length: 5 }, () => a.nextU32());
    const resumed = new Rng(saved);
    expect(Array.from({ length: 5 }, () => resumed.nextU32())).toEqual(next);
  });

  it('is pinned: these draws must never change, or every published fingerprint changes', () => {
    expect(streamState(1, 0, 'exchange')).toEqual(streamState(1, 0, 'exchange'));
    const r = stream(1, 0, 'pin');
    const draws = Array.from({ length: 3 }, () => r.nextU32());
    expect(draws.every((d) => Number.isInteger(d) && d >= 0 && d < 2 ** 32)).toBe(true);
    expect(draws).toMatchInlineSnapshot(`
      [
        999788349,
        1863475612,
        3404271770,
      ]
    `);
  });

  it('keeps named streams independent: draws on one never shift another', () => {
    const s1 = new Streams(3);
    const s2 = new Streams(3);
    s1.get('noise').nextU32();
    s1.get('noise').nextU32();
    expect(s1.get('market').nextU32()).toBe(s2.get('market').nextU32());
    expect(stream(3, 0, 'a').nextU32()).not.toBe(stream(3, 0, 'b').nextU32());
    expect(stream(3, 0, 'a').nextU32()).not.toBe(stream(3, 1, 'a').nextU32());
    expect(stream(3, 0, 'a').nextU32()).not.toBe(stream(4, 0, 'a').nextU32());
  });

  it('saves and restores a whole family of streams', () => {
    const s = new Streams(9);
    s.get('a').nextU32();
    const saved = s.save();
    const expected = s.get('a').nextU32();
    const t = new Streams(9);
    t.restore(saved);
    expect(t.get('a').nextU32()).toBe(expected);
  });

  it('draws uniform integers without bias, in range, for small and large n', () => {
    const r = stream(11, 0, 'int');
    for (const n of [1, 2, 3, 7, 1000, 3_000_000, 2 ** 32]) {
      for (let i = 0; i < 2000; i++) {
        const v = r.int(n);
        expect(v >= 0 && v < n && Number.isInteger(v)).toBe(true);
      }
    }
    // chi-square over 6 cells: 1e5 draws, 5 degrees of freedom, p = 0.001 critical value 20.5
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 100_000; i++) counts[r.int(6)]++;
    const expected = 100_000 / 6;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(20.5);
  });

  it('shuffles with exactly the draws of int(i + 1), i = n − 1 … 1, leaving the same state', () => {
    for (const n of [0, 1, 2, 3, 10, 1000, 2 ** 21 + 3]) {
      const fast = stream(5, n, 'shuffle');
      const slow = stream(5, n, 'shuffle');
      const a = Int32Array.from({ length: n }, (_, i) => i);
      const b = a.slice();
      fast.shuffle(a);
      for (let i = n - 1; i > 0; i--) {
        const j = slow.int(i + 1);
        const t = b[i];
        b[i] = b[j];
        b[j] = t;
      }
      expect(a.every((v, i) => v === b[i])).toBe(true);
      expect(fast.save()).toEqual(slow.save());
    }
    // A shuffle of part of the array leaves the rest alone.
    const part = Int32Array.from({ length: 10 }, (_, i) => i);
    stream(5, 0, 'part').shuffle(part, 4);
    expect([...part.slice(4)]).toEqual([4, 5, 6, 7, 8, 9]);
    expect([...part.slice(0, 4)].sort()).toEqual([0, 1, 2, 3]);
  });

  it('draws floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = stream(5, 0, 'float');
    let s = 0;
    let ss = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.float();
      if (!(u >= 0 && u < 1)) throw new Error(`out of range: ${u}`);
      s += u;
      ss += u * u;
    }
    const mean = s / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(ss / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws Poisson counts by inversion with the right chance of none, mean and variance', () => {
    const r = stream(9, 0, 'poisson');
    for (const mean of [0.25, 2, 12]) {
      const n = 200_000;
      let zeros = 0;
      let s = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const k = poissonByInversion(r, mean, Math.exp(-mean));
        if (k === 0) zeros++;
        s += k;
        ss += k * k;
      }
      const m = s / n;
      // Standard errors at n = 2e5: mean sqrt(mean / n), P(0) below 0.0012; 5 of them is far beyond chance.
      expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
      expect(Math.abs(ss / n - m * m - mean) / mean).toBeLessThan(0.03);
      expect(Math.abs(zeros / n - Math.exp(-mean))).toBeLessThan(0.006);
    }
  });
});
