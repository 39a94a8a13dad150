import { describe, expect, it } from 'vitest';
import { morrisEffects, replicateMeans, seedVarianceShare, sobolIndices } from '../../../sim/stats/index.js';
import { designPoints, designSpecSchema, sobolBlocks } from '../../../sim/study/design/index.js';
import { factorList, factorsSchema } from '../../../sim/study/factors.js';

const factors = factorList(
  factorsSchema.parse({
    'params.x1': { min: 0, max: 1 },
    'params.x2': { min: 0, max: 1 },
    'params.x3': { min: 0, max: 1 },
  }),
);

/** y at every point of a design, from the unit coordinates. */
function evaluate(unit: Float64Array, f: (x: Float64Array) => number): Float64Array {
  const d = factors.length;
  return Float64Array.from({ length: unit.length / d }, (_, p) => f(unit.subarray(p * d, (p + 1) * d)));
}

describe("Sobol' indices", () => {
  // y = 3 x1 + x2 (x uniform on [0, 1]): V = (9 + 1)/12, S1 = ST = (0.9, 0.1, 0): additive, no interactions.
  const design = designPoints(designSpecSchema.parse({ kind: 'sobol', samples: 1024 }), factors);
  const y = evaluate(design.unit, (x) => 3 * x[0] + x[1]);
  const { yA, yB, yAB } = sobolBlocks(y, design.sobol!);

  it('find the shares of an additive function, with intervals around them', () => {
    const r = sobolIndices(yA, yB, yAB, { resamples: 300 });
    expect(r.variance).toBeCloseTo(10 / 12, 2);
    [0.9, 0.1, 0].forEach((exact, i) => {
      expect(r.S1[i]).toBeCloseTo(exact, 2);
      expect(r.ST[i]).toBeCloseTo(exact, 2);
      expect(r.S1Low[i]).toBeLessThanOrEqual(r.S1[i]);
      expect(r.S1High[i]).toBeGreaterThanOrEqual(r.S1[i]);
      expect(r.STLow[i]).toBeLessThanOrEqual(r.ST[i] + 1e-12);
      expect(r.STHigh[i]).toBeGreaterThanOrEqual(r.ST[i] - 1e-12);
    });
    // A factor that does nothing has AB_3 = A exactly: ST is 0 in every resample.
    expect([r.ST[2], r.STLow[2], r.STHigh[2]]).toEqual([0, 0, 0]);
  });

  it('draw the same intervals from the same seed, others from another; none without resamples', () => {
    const a = sobolIndices(yA, yB, yAB, { resamples: 50, seed: 3 });
    expect(sobolIndices(yA, yB, yAB, { resamples: 50, seed: 3 })).toEqual(a);
    expect(sobolIndices(yA, yB, yAB, { resamples: 50, seed: 4 }).S1Low).not.toEqual(a.S1Low);
    const none = sobolIndices(yA, yB, yAB, { resamples: 0 });
    expect(none.S1).toEqual(a.S1);
    expect(Number.isNaN(none.S1Low[0])).toBe(true);
  });

  it('do not change, nor widen their intervals, when the output is shifted far from 0', () => {
    // A price near 2,000 moving by a few units: uncentred, the first-order estimator's spread grows with the mean.
    const shifted = (v: ArrayLike<number>) => Float64Array.from(v, (x) => x + 2000);
    const base = sobolIndices(yA, yB, yAB, { resamples: 300 });
    const far = sobolIndices(shifted(yA), shifted(yB), yAB.map(shifted), { resamples: 300 });
    for (let i = 0; i < 3; i++) {
      expect(far.S1[i]).toBeCloseTo(base.S1[i], 6);
      expect(far.ST[i]).toBeCloseTo(base.ST[i], 6);
      expect(far.S1High[i] - far.S1Low[i]).toBeCloseTo(base.S1High[i] - base.S1Low[i], 6);
    }
    expect(far.S1High[0] - far.S1Low[0]).toBeLessThan(0.2);
  });

  it('refuse blocks of different lengths', () => {
    expect(() => sobolIndices(yA, yB.subarray(1), yAB)).toThrow(/same length/);
  });
});

describe('Morris effects', () => {
  it('of a linear function: mu = mu_star = the slope (in unit positions), sigma 0', () => {
    const design = designPoints(
      designSpecSchema.parse({ kind: 'morris', trajectories: 8, levels: 4 }),
      factors,
    );
    const y = evaluate(design.unit, (x) => 2 * x[0] - 5 * x[1]);
    const { mu, muStar, sigma } = morrisEffects(y, design.morris!);
    [2, -5, 0].forEach((slope, i) => {
      expect(mu[i]).toBeCloseTo(slope, 12);
      expect(muStar[i]).toBeCloseTo(Math.abs(slope), 12);
      expect(sigma[i]).toBeCloseTo(0, 12);
    });
  });

  it('of effects that change sign: mu cancels, mu_star does not, sigma shows the spread', () => {
    // One factor, two trajectories: effects +1 and −3 (steps of +0.5 and −0.5).
    const steps = { factors: 1, factor: Int32Array.of(0, 0), step: Float64Array.of(0.5, -0.5) };
    const { mu, muStar, sigma } = morrisEffects(Float64Array.of(0, 0.5, 0, 1.5), steps);
    expect(mu[0]).toBe(-1);
    expect(muStar[0]).toBe(2);
    expect(sigma[0]).toBeCloseTo(Math.sqrt(8), 12);
    expect(() => morrisEffects(Float64Array.of(0, 1, 2), steps)).toThrow(/need 4 outputs/);
  });
});

describe('replications', () => {
  // Three points, two seeds each (point-major).
  const values = Float64Array.of(1, 3, 10, 10, 4, 6);

  it('average per point', () => {
    expect([...replicateMeans(values, 2)]).toEqual([2, 10, 5]);
    expect(() => replicateMeans(values, 4)).toThrow(/whole points/);
  });

  it('report the share of variance due to seeds: mean within-point variance over total variance', () => {
    // Within: (2 + 0 + 2)/3 = 4/3; total: mean 34/6, sample variance over the six values.
    const m = 34 / 6;
    const total = [...values].reduce((s, v) => s + (v - m) ** 2, 0) / 5;
    expect(seedVarianceShare(values, 2)).toBeCloseTo(4 / 3 / total, 12);
    expect(seedVarianceShare(Float64Array.of(1, 1, 2, 2), 2)).toBe(0);
    expect(Number.isNaN(seedVarianceShare(values, 1))).toBe(true);
  });
});
