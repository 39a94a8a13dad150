import { describe, expect, it } from 'vitest';
import { stream } from '../../../sim/random/streams.js';
import { directionNumbers, sobolSequence } from '../../../sim/study/design/sobol-sequence.js';

describe("the Sobol' sequence (Joe–Kuo direction numbers)", () => {
  it('starts with the published points of dimensions 1–3', () => {
    // The first ten points of Joe & Kuo's new-joe-kuo-6.21201 sequence in Gray-code order (as their sobol.cc
    // and scipy.stats.qmc.Sobol(scramble=False) print them).
    const published = [
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
      [0.1875, 0.3125, 0.9375],
      [0.6875, 0.8125, 0.4375],
    ];
    const x = sobolSequence(10, 3);
    for (let n = 0; n < 10; n++) expect([...x.subarray(3 * n, 3 * n + 3)]).toEqual(published[n]);
  });

  it('derives direction numbers by the primitive polynomial recurrence', () => {
    // Dimension 3 (s = 2, a = 1: x² + x + 1, m = 1, 3): m_k = 2 m_{k−1} ⊕ 4 m_{k−2} ⊕ m_{k−2}, so
    // m_3 = 6 ⊕ 4 ⊕ 1 = 3, m_4 = 6 ⊕ 12 ⊕ 3 = 9, m_5 = 18 ⊕ 12 ⊕ 3 = 29, m_6 = 58 ⊕ 36 ⊕ 9 = 23.
    const v = directionNumbers(2);
    const m = [1, 3, 3, 9, 29, 23].map((mk, k) => mk * 2 ** (31 - k));
    expect([...v.subarray(0, 6)]).toEqual(m);
  });

  it('puts exactly one of the first 2^m points in each dyadic interval of every one of its 40 dimensions', () => {
    const d = 40;
    const n = 256;
    const x = sobolSequence(n, d);
    for (let j = 0; j < d; j++) {
      const cells = new Set<number>();
      for (let k = 0; k < n; k++) cells.add(Math.floor(x[k * d + j] * n));
      expect(cells.size, `dimension ${j + 1}`).toBe(n);
    }
  });

  it('keeps that balance when scrambled, and differs by seed', () => {
    const d = 6;
    const n = 64;
    const a = sobolSequence(n, d, stream(1, 0, 'scramble'));
    const b = sobolSequence(n, d, stream(2, 0, 'scramble'));
    expect(a).toEqual(sobolSequence(n, d, stream(1, 0, 'scramble')));
    expect(a).not.toEqual(b);
    for (let j = 0; j < d; j++) {
      const cells = new Set<number>();
      for (let k = 0; k < n; k++) cells.add(Math.floor(a[k * d + j] * n));
      expect(cells.size).toBe(n);
    }
    // Two-dimensional balance of a (0, m, 2)-net in dimensions 1–2: one point per 8 × 8 cell.
    const cells = new Set<number>();
    for (let k = 0; k < n; k++) cells.add(Math.floor(a[k * d] * 8) * 8 + Math.floor(a[k * d + 1] * 8));
    expect(cells.size).toBe(64);
  });

  it('refuses more dimensions than the table carries', () => {
    expect(() => sobolSequence(4, 41)).toThrow(/1 to 40 dimensions/);
  });
});
