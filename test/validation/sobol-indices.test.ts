/**
 * Sensitivity analysis against closed forms: the Ishigami and Sobol' G reference models run through the engine
 * (one `Run` per design point, the point's factor values applied as `--set` overrides), on a scrambled Saltelli
 * design; their first-order (S1) and total (ST) indices must match the exact ones.
 *
 * Ishigami & Homma (1990), "An importance quantification technique in uncertainty analysis for computer models",
 * ISUMA '90: y = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i uniform on [−π, π]. With E sin² = 1/2, E sin⁴ = 3/8,
 * E x⁴ = π⁴/5 and E x⁸ = π⁸/9:
 *   V1 = Var E[y|x1] = Var(sin x1) (1 + b π⁴/5)² = (1 + b π⁴/5)² / 2
 *   V2 = a² Var(sin² x2) = a² (3/8 − 1/4) = a²/8,   V3 = 0 (E[y|x3] = a/2: E sin x1 = 0)
 *   V13 = Var E[y|x1,x3] − V1 = (1/2) E(1 + b x3⁴)² − V1 = (b² π⁸ / 2)(1/9 − 1/25) = 8 b² π⁸ / 225
 *   V = V1 + V2 + V13;  S_i = V_i / V;  ST1 = (V1 + V13)/V, ST2 = V2/V, ST3 = V13/V.
 * With a = 7, b = 0.1: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 *
 * Sobol' (1993), "Sensitivity estimates for nonlinear mathematical models", Math. Modeling Comput. Experiment 1;
 * Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, §4.6: G = Π g_i, g_i = (|4 x_i − 2| + a_i)/(1 + a_i),
 * x_i uniform on [0, 1]. E g_i = 1 and Var g_i = (E(4x − 2)² − 1)/(1 + a_i)² = (4/3 − 1)/(1 + a_i)², so
 *   V_i = 1 / (3 (1 + a_i)²),  V = Π (1 + V_i) − 1,  S_i = V_i / V,  ST_i = V_i Π_{j≠i} (1 + V_j) / V.
 *
 * Tolerances, for N = 2048 base rows (10,240 runs of Ishigami, 20,480 of G): the bootstrap's 95% half-widths,
 * which treat the rows as independent (the plain Monte Carlo error, ∝ 1/√N), are 0.05–0.06 for Ishigami's indices
 * and up to 0.09 for G's S1 of x1 (its kink at 1/2 makes the estimator noisy); scrambled Sobol' rows do better:
 * across design seeds 1–3 the largest error was 0.007 (Ishigami) and 0.020 (G, S1 of x1), the rest below 0.008.
 * We ask |estimate − exact| < 0.03 and that each exact index lies in its 95% bootstrap interval.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../../models/index.js';
import { morrisEffects, sobolIndices } from '../../sim/stats/index.js';
import { Run } from '../../sim/run/run.js';
import { validateScenario } from '../../sim/scenario/validate.js';
import {
  designPoints,
  designSpecSchema,
  sobolBlocks,
  type DesignPoints,
} from '../../sim/study/design/index.js';
import { factorList, factorsSchema } from '../../sim/study/factors.js';
import { pointOverrides } from '../../sim/study/overrides.js';

/** Runs a one-tick scenario of `model` at every design point; y at each point. */
function runDesign(model: string, design: DesignPoints): Float64Array {
  const definition = registry.get(model)!;
  const base = { name: model, model, ticks: 1 };
  const y = new Float64Array(design.count);
  for (let p = 0; p < design.count; p++) {
    const scenario = validateScenario(base, registry, model, pointOverrides(design, p));
    y[p] = new Run(definition, scenario).runToEnd().metrics.y.final;
  }
  return y;
}

function expectIndices(
  estimated: ReturnType<typeof sobolIndices>,
  exact: { S1: number[]; ST: number[] },
  tolerance: number,
): void {
  exact.S1.forEach((s, i) => {
    expect(Math.abs(estimated.S1[i] - s), `S1 of x${i + 1}`).toBeLessThan(tolerance);
    expect(s).toBeGreaterThanOrEqual(estimated.S1Low[i]);
    expect(s).toBeLessThanOrEqual(estimated.S1High[i]);
  });
  exact.ST.forEach((s, i) => {
    expect(Math.abs(estimated.ST[i] - s), `ST of x${i + 1}`).toBeLessThan(tolerance);
    expect(s).toBeGreaterThanOrEqual(estimated.STLow[i]);
    expect(s).toBeLessThanOrEqual(estimated.STHigh[i]);
  });
}

describe("Sobol' indices of the reference models match their closed forms", () => {
  it('Ishigami (a = 7, b = 0.1)', () => {
    const a = 7;
    const b = 0.1;
    const pi = Math.PI;
    const v1 = (1 + (b * pi ** 4) / 5) ** 2 / 2;
    const v2 = a ** 2 / 8;
    const v13 = (8 * b ** 2 * pi ** 8) / 225;
    const v = v1 + v2 + v13;
    const exact = { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
    expect(exact.S1[0]).toBeCloseTo(0.3139, 4);
    expect(exact.ST[2]).toBeCloseTo(0.2437, 4);

    const range = { min: -pi, max: pi };
    const factors = factorList(
      factorsSchema.parse({ 'params.x1': range, 'params.x2': range, 'params.x3': range }),
    );
    const design = designPoints(designSpecSchema.parse({ kind: 'sobol', samples: 2048, seed: 1 }), factors);
    expect(design.count).toBe(2048 * 5);
    const { yA, yB, yAB } = sobolBlocks(runDesign('ishigami', design), design.sobol!);
    expectIndices(sobolIndices(yA, yB, yAB, { seed: 1 }), exact, 0.03);
  });

  const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
  const unitRanges = Object.fromEntries(a.map((_, i) => [`params.x${i + 1}`, { min: 0, max: 1 }]));
  const factors = factorList(factorsSchema.parse(unitRanges));

  it("Sobol' G (a = 0, 1, 4.5, 9, 99, 99, 99, 99)", () => {
    const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
    const exact = {
      S1: vi.map((x) => x / v),
      ST: vi.map((x, i) => (x * vi.reduce((p, y, j) => (j === i ? p : p * (1 + y)), 1)) / v),
    };
    const design = designPoints(designSpecSchema.parse({ kind: 'sobol', samples: 2048, seed: 1 }), factors);
    const { yA, yB, yAB } = sobolBlocks(runDesign('sobol-g', design), design.sobol!);
    expectIndices(sobolIndices(yA, yB, yAB, { seed: 1 }), exact, 0.03);
  });

  it("Morris' μ* ranks the G function's inputs by their coefficient a: the smallest a matters most", () => {
    const design = designPoints(
      designSpecSchema.parse({ kind: 'morris', trajectories: 40, levels: 4 }),
      factors,
    );
    const { muStar } = morrisEffects(runDesign('sobol-g', design), design.morris!);
    // x1 (a = 0) > x2 (a = 1) > x3 (a = 4.5) > x4 (a = 9) > each of x5…x8 (a = 99).
    for (let i = 0; i < 3; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
    for (let i = 4; i < 8; i++) expect(muStar[3]).toBeGreaterThan(muStar[i]);
  });
});
