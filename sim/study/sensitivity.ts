import { morrisEffects } from '../stats/morris-effects.js';
import { replicateMeans, seedVarianceShare } from '../stats/replicates.js';
import { sobolIndices } from '../stats/sobol-indices.js';
import { sobolBlocks, type DesignPoints } from './design/index.js';

/** One metric × factor of a sensitivity analysis: the factor's indices (sobol) or effects (morris). */
export interface SensitivityRow {
  readonly metric: string;
  readonly factor: string;
  /** S1, S1_low, S1_high, ST, ST_low, ST_high (sobol) or mu, mu_star, sigma (morris), then seed_share. */
  readonly values: Readonly<Record<string, number>>;
}

/** The columns of a design's sensitivity rows, in order; empty for designs without an analysis. */
export function sensitivityColumns(design: DesignPoints): string[] {
  if (design.sobol) return ['S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'seed_share'];
  if (design.morris) return ['mu', 'mu_star', 'sigma', 'seed_share'];
  return [];
}

/**
 * The sensitivity of one metric to each factor, from its final value in every run, point-major with R seeds per
 * point (values[p R + s]). The analyses take each point's mean over its seeds (common random numbers: every
 * point runs on the same seeds); `seed_share` is the share of the runs' variance left within points (due to
 * seeds alone), the same for every factor of the metric. Empty for designs without an analysis.
 */
export function sensitivityOf(
  design: DesignPoints,
  metric: string,
  values: Float64Array,
  replicates: number,
  bootstrapSeed = 1,
): SensitivityRow[] {
  if (!design.sobol && !design.morris) return [];
  const means = replicateMeans(values, replicates);
  const seedShare = seedVarianceShare(values, replicates);
  if (design.sobol) {
    const { yA, yB, yAB } = sobolBlocks(means, design.sobol);
    const s = sobolIndices(yA, yB, yAB, { seed: bootstrapSeed });
    return design.factors.map((f, i) => ({
      metric,
      factor: f.path,
      values: {
        S1: s.S1[i],
        S1_low: s.S1Low[i],
        S1_high: s.S1High[i],
        ST: s.ST[i],
        ST_low: s.STLow[i],
        ST_high: s.STHigh[i],
        seed_share: seedShare,
      },
    }));
  }
  const e = morrisEffects(means, design.morris!);
  return design.factors.map((f, i) => ({
    metric,
    factor: f.path,
    values: { mu: e.mu[i], mu_star: e.muStar[i], sigma: e.sigma[i], seed_share: seedShare },
  }));
}

/** The key that ranks factors: total effect (ST) for sobol, mu_star for morris. */
export function rankingKey(design: DesignPoints): string | null {
  return design.sobol ? 'ST' : design.morris ? 'mu_star' : null;
}
