/**
 * Validation of the noise on what data buyers receive in a whole `mimo` run, against the Laplace mechanism.
 * Dwork, McSherry, Nissim & Smith (2006), "Calibrating noise to sensitivity in private data analysis", TCC:
 * a released sum of per-member values clipped to [0, clip] (sensitivity clip) carries Laplace(0, b) noise with
 * b = clip / epsilon. For X ~ Laplace(0, b): E|X| = b and Var|X| = b^2 (|X| is exponential with mean b).
 * `report_abs_error` is the mean |released − true| over all released cells, so it estimates b; the tolerance is
 * 5 standard errors, b / sqrt(N) each, for the N cells released (a false alarm has p < 1e-6).
 */
import { describe, expect, it } from 'vitest';
import { aisParamsFor, liveMimo } from '../models/mimo/ais/helpers.js';

describe('AIS noise in a run (Dwork et al. 2006)', () => {
  for (const [clip, epsilon] of [
    [100, 1],
    [40, 0.25],
  ]) {
    it(`gives released cells a mean absolute error of clip/epsilon = ${clip / epsilon}`, () => {
      const buyers = ['a', 'b', 'c', 'd'].map((name) => ({ name, measure: 'spend', every: 2 }));
      const params = aisParamsFor(
        { ais: { clip, epsilon, budget: 10_000, k: 2 }, dataMarket: { buyers } },
        600,
      );
      const { step } = liveMimo(params, 11);
      let m: Record<string, number> = {};
      for (let t = 1; t <= 60; t++) m = step(t);
      const b = clip / epsilon;
      const cells = m.released_cells;
      expect(cells).toBeGreaterThan(1500);
      expect(Math.abs(m.report_abs_error - b)).toBeLessThan((5 * b) / Math.sqrt(cells));
    });
  }
});
