import type { Rng } from './rng.js';

/** Standard normal draw (Box–Muller, one of the pair; deterministic, no cached spare). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  let u = rng.float();
  while (u === 0) u = rng.float();
  const v = rng.float();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal draw whose logarithm has the given mean and sd. */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(normal(rng, mu, sigma));
}

/** Exponential draw with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  let u = rng.float();
  while (u === 0) u = rng.float();
  return -mean * Math.log(u);
}

/** Laplace draw centred on 0 with scale b (density exp(-|x|/b) / 2b). */
export function laplace(rng: Rng, b: number): number {
  const u = rng.float() - 0.5;
  const a = Math.abs(u);
  if (a === 0.5) return 0;
  return -b * Math.sign(u) * Math.log(1 - 2 * a);
}

/** Poisson draw (Knuth's product method for small means, normal approximation rounded above 60). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(normal(rng, mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.float();
  while (p > limit) {
    k++;
    p *= rng.float();
  }
  return k;
}

/**
 * Poisson draw by inversion from one 32-bit uniform: the cheapest way to draw many small counts (one per agent
 * per tick, most of them 0). `zeroChance` is exp(−mean), precomputed by the caller. Means above 30 use `poisson`.
 */
export function poissonByInversion(rng: Rng, mean: number, zeroChance: number): number {
  if (mean > 30) return poisson(rng, mean);
  const u = rng.float32();
  let p = zeroChance;
  let cumulative = p;
  let k = 0;
  // The cap only guards against rounding: P(k > 200) is below 1e-100 for means up to 30.
  while (u >= cumulative && k < 200) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}
