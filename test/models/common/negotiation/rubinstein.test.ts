import { describe, expect, it } from 'vitest';
import { finiteHorizonShare, rubinsteinShare } from '../../../../models/common/negotiation/index.js';
import { roundUnbiased } from '../../../../models/common/negotiation/rounding.js';
import { stream } from '../../../../sim/random/streams.js';

describe('rubinsteinShare', () => {
  it('is (1 - d2) / (1 - d1 d2) and refuses the undefined patient case', () => {
    expect(rubinsteinShare(0.9, 0.8)).toBeCloseTo(0.2 / 0.28, 14);
    expect(rubinsteinShare(1, 0.5)).toBe(1); // a patient first mover takes everything
    expect(rubinsteinShare(0.5, 1)).toBe(0); // a patient responder takes everything
    expect(() => rubinsteinShare(1, 1)).toThrow(RangeError);
  });
});

describe('finiteHorizonShare', () => {
  it('handles the fully patient game: the last proposer takes all', () => {
    expect(finiteHorizonShare(1, 1, 5)).toBe(1);
    expect(finiteHorizonShare(1, 1, 6)).toBe(0);
  });

  it('stays within [0, 1]', () => {
    const r = stream(1, 0, 'shares');
    for (let i = 0; i < 5000; i++) {
      const x = finiteHorizonShare(r.float() || 1, r.float() || 1, 1 + r.int(200));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });
});

describe('roundUnbiased', () => {
  it('keeps whole numbers, stays between the neighbouring integers and is right on average', () => {
    const r = stream(3, 0, 'round');
    expect(roundUnbiased(42, r)).toBe(42);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = roundUnbiased(10.3, r);
      expect(v === 10 || v === 11).toBe(true);
      sum += v;
    }
    // Mean of 20,000 Bernoulli(0.3) draws: sd 0.0032, so 0.02 is over six sd away.
    expect(Math.abs(sum / 20_000 - 10.3)).toBeLessThan(0.02);
  });
});
