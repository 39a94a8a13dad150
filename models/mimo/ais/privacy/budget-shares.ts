import { lognormal } from '../../../../sim/random/distributions.js';
import type { Rng } from '../../../../sim/random/rng.js';

/**
 * Each member's share of the privacy budget, for members who differ in how much privacy they give up (MODEL.md: every
 * member has a privacy preference): lognormal of mean 1 and log-sd `spread` (μ = −spread² / 2), drawn once when the
 * run starts from its own stream, so that no other draw moves. Null when `spread` is 0: every member has the budget.
 */
export function budgetShares(members: number, spread: number, rng: Rng): Float64Array | null {
  if (spread === 0) return null;
  const shares = new Float64Array(members);
  const mu = (-spread * spread) / 2;
  for (let i = 0; i < members; i++) shares[i] = lognormal(rng, mu, spread);
  return shares;
}
