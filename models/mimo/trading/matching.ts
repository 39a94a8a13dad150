import type { Rng } from '../../../sim/random/rng.js';
import type { Population } from '../economy/population.js';

/** A uniformly chosen set bit of a non-zero mask, as its index. */
export function randomSetBit(mask: number, rng: Rng): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  let pick = rng.int(count);
  for (let m = mask; ; m &= m - 1) {
    if (pick-- === 0) return 31 - Math.clz32(m & -m);
  }
}

/** How a buyer searches for a provider this tick. */
export interface ProviderSearch {
  /** Minor units of service each need asks for. */
  amount: number;
  /** Candidates tried at most. */
  limit: number;
  /** Whether the first half of the candidates come from one of the buyer's own groups. */
  ownGroupsFirst: boolean;
  /** The half window of the buyer's local market, in blocks (see `RingList`). */
  half: number;
  /** Time left (minor units of hours) from which a provider tried is always reached. */
  fullReach: number;
}

/**
 * Looks for a provider of `amount` minor units of service in `category` for `buyer` in the directory of providers,
 * among the members within `half` blocks of the buyer (its local market, see `RingList`): up to `limit`
 * candidates offering that category, the first half drawn from one of the buyer's own groups (when
 * `ownGroupsFirst`), the rest from everyone. A candidate qualifies if it is not the buyer, has that much time
 * left, and is reached: with probability min(1, time left / `fullReach`), so providers are found in proportion to
 * the hours they offer (up to that cap), as one who offers much time is easier to find than an occasional one.
 * Returns the provider, or −1 when the need goes unmet.
 */
export function findProvider(
  population: Population,
  buyer: number,
  category: number,
  search: ProviderSearch,
  rng: Rng,
): number {
  const { remaining, groups, groupProviders, categories } = population;
  const { amount, limit, ownGroupsFirst, half, fullReach } = search;
  const mask = groups[buyer];
  let tries = 0;
  if (ownGroupsFirst && mask !== 0) {
    const own = Math.ceil(limit / 2);
    for (; tries < own; tries++) {
      const candidate = groupProviders[randomSetBit(mask, rng) * categories + category].pick(
        buyer,
        half,
        rng,
      );
      const left = candidate >= 0 && candidate !== buyer ? remaining[candidate] : 0;
      if (left >= amount && (left >= fullReach || rng.float32() * fullReach < left)) return candidate;
    }
  }
  const list = population.providers[category];
  for (; tries < limit; tries++) {
    const candidate = list.pick(buyer, half, rng);
    if (candidate < 0) return -1;
    const left = candidate !== buyer ? remaining[candidate] : 0;
    if (left >= amount && (left >= fullReach || rng.float32() * fullReach < left)) return candidate;
  }
  return -1;
}
