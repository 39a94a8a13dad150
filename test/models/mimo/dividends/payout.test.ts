import { describe, expect, it } from 'vitest';
import { payLargestRemainder } from '../../../../models/mimo/dividends/payout.js';
import { describeWeightIssues, sanitizeWeights } from '../../../../models/mimo/dividends/weights.js';
import { stream } from '../../../../sim/random/streams.js';

const total = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0);

describe('largest-remainder payout', () => {
  it('pays the pool exactly, in integers within one unit of each quota (property test, 300 cases)', () => {
    const rng = stream(5, 0, 'test.payout');
    for (let c = 0; c < 300; c++) {
      const n = 1 + rng.int(200);
      const pool = c % 10 === 0 ? rng.int(2 ** 31) * 2 ** 20 + rng.int(2 ** 20) : rng.int(100_000);
      const w = new Float64Array(n).map(() =>
        rng.chance(0.3) ? 0 : rng.float() * (rng.chance(0.5) ? 1e-6 : 1e6),
      );
      w[rng.int(n)] = 1; // at least one positive weight
      const out = new Float64Array(n);
      const result = payLargestRemainder(pool, w, out);
      expect(total(out)).toBe(pool);
      expect(result.paid).toBe(pool);
      const W = total(w);
      for (let i = 0; i < n; i++) {
        expect(Number.isInteger(out[i]) && out[i] >= 0).toBe(true);
        expect(Math.abs(out[i] - (pool * w[i]) / W)).toBeLessThan(1 + pool * 4e-16);
        if (w[i] === 0) expect(out[i]).toBe(0);
      }
    }
  });

  it('gives the leftover units to the largest remainders, ties to the lower member index', () => {
    const out = new Float64Array(3);
    payLargestRemainder(2, new Float64Array([1, 1, 1]), out);
    expect(Array.from(out)).toEqual([1, 1, 0]);
    payLargestRemainder(10, new Float64Array([1, 2, 3]), out); // quotas 1.67, 3.33, 5
    expect(Array.from(out)).toEqual([2, 3, 5]);
    const four = new Float64Array(4);
    payLargestRemainder(7, new Float64Array([1, 1, 1, 1]), four);
    expect(Array.from(four)).toEqual([2, 2, 2, 1]);
  });

  it('pays nothing when every weight is 0 (the caller carries the pool)', () => {
    const out = new Float64Array(3).fill(9);
    expect(payLargestRemainder(100, new Float64Array(3), out)).toEqual({ paid: 0, recipients: 0 });
    expect(Array.from(out)).toEqual([0, 0, 0]);
    expect(payLargestRemainder(0, new Float64Array([1, 2]), new Float64Array(2)).paid).toBe(0);
  });

  it('refuses bad weights and pools, naming the member', () => {
    const out = new Float64Array(3);
    expect(() => payLargestRemainder(10, new Float64Array([1, -1, 2]), out)).toThrow(/member 1 is -1/);
    expect(() => payLargestRemainder(10, new Float64Array([1, 2, NaN]), out)).toThrow(/member 2 is NaN/);
    expect(() => payLargestRemainder(1.5, new Float64Array([1, 2, 3]), out)).toThrow(/safe integer/);
  });

  it('stays exact for a pool near 2^53', () => {
    const pool = Number.MAX_SAFE_INTEGER - 12345;
    const w = new Float64Array([3, 7, 1e-9, 11, 13]);
    const out = new Float64Array(5);
    payLargestRemainder(pool, w, out);
    let sum = 0n;
    for (const x of out) sum += BigInt(x);
    expect(sum).toBe(BigInt(pool));
  });
});

describe('weight sanitising', () => {
  it('zeroes non-finite and negative weights, counts them and names the first member', () => {
    const w = new Float64Array([1, -2, NaN, 3, Infinity, -Infinity]);
    const issues = sanitizeWeights(w);
    expect(issues).toEqual({ nonFinite: 3, negative: 1, firstIndex: 1, firstValue: -2 });
    expect(Array.from(w)).toEqual([1, 0, 0, 3, 0, 0]);
    expect(describeWeightIssues(issues)).toContain('first: member 1, weight -2');
    expect(describeWeightIssues(sanitizeWeights(new Float64Array([0, 1])))).toBeNull();
  });
});
