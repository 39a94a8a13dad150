import { describe, expect, it } from 'vitest';
import { laplaceRelease, laplaceScale } from '../../../../../models/mimo/ais/privacy/laplace-mechanism.js';
import {
  maxReidentificationBound,
  meanReidentificationBound,
  reidentificationBound,
} from '../../../../../models/mimo/ais/privacy/reidentification-bound.js';
import { stream } from '../../../../../sim/random/streams.js';

/**
 * Kairouz, Oh & Viswanath (2015), "The composition theorem for differential privacy", ICML, Thm 2.1 (after
 * Wasserman & Zhou 2010): a mechanism is ε-differentially private iff every test of "the member's records are in"
 * has TPR ≤ e^ε FPR and 1 − FPR ≤ e^ε (1 − TPR). The largest TPR − FPR under both is where both bind:
 * FPR = 1 / (e^ε + 1), TPR = e^ε / (e^ε + 1), so the advantage is at most (e^ε − 1) / (e^ε + 1).
 */
describe('the re-identification bound of a member charged ε', () => {
  it('is (e^ε − 1) / (e^ε + 1): 0 at ε = 0, exactly 1/2 at ε = ln 3, towards 1 as ε grows', () => {
    expect(reidentificationBound(0)).toBe(0);
    expect(reidentificationBound(Math.log(3))).toBeCloseTo(0.5, 15);
    for (const e of [0.01, 0.1, 0.5, 1, 2, 5]) {
      expect(reidentificationBound(e)).toBeCloseTo((Math.exp(e) - 1) / (Math.exp(e) + 1), 14);
    }
    expect(reidentificationBound(40)).toBe(1);
    expect(reidentificationBound(1)).toBeLessThan(reidentificationBound(1.1));
  });

  it('bounds the advantage of the best test against the Laplace mechanism AIS uses', () => {
    // Neighbouring data: a cell's true sum is 0 without the member's record and `clip` with it (the sensitivity).
    // The best test of Laplace(0, b) against Laplace(clip, b) says "in" above clip / 2; its advantage is their total
    // variation distance, 1 − e^(−clip / 2b) = 1 − e^(−ε/2), below tanh(ε/2) for every ε > 0 (the bound is tight
    // only for randomised response).
    const clip = 100;
    const draws = 200_000;
    for (const epsilon of [0.2, 1, 3]) {
      const b = laplaceScale(clip, epsilon);
      const rng = stream(7, 0, `laplace-${epsilon}`);
      let truePositives = 0;
      let falsePositives = 0;
      for (let k = 0; k < draws; k++) {
        if (laplaceRelease(rng, clip, b) > clip / 2) truePositives++;
        if (laplaceRelease(rng, 0, b) > clip / 2) falsePositives++;
      }
      const advantage = (truePositives - falsePositives) / draws;
      const exact = 1 - Math.exp(-epsilon / 2);
      // Two binomial proportions: standard error below sqrt(2 × 0.25 / draws) ≈ 0.0016; 4 of them.
      expect(Math.abs(advantage - exact)).toBeLessThan(0.0064);
      expect(advantage).toBeLessThan(reidentificationBound(epsilon));
    }
  });

  it('reduces over members to a mean and the largest bound', () => {
    const spent = Float64Array.from([0, Math.log(3), Math.log(3), 0]);
    expect(meanReidentificationBound(spent)).toBeCloseTo(0.25, 15);
    expect(maxReidentificationBound(spent)).toBeCloseTo(0.5, 15);
    expect(meanReidentificationBound(new Float64Array(0))).toBe(0);
    expect(maxReidentificationBound(new Float64Array(3))).toBe(0);
  });
});
