import type { Rng } from '../../sim/random/rng.js';
import type { Population } from './population.js';

/** A uniformly chosen set bit of a non-zero mask, as its index. */
export function randomSetBit(mask: number, rng: Rng): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  let pick = rng.int(count);
  for (let m = mask; ; m &= m - 1) {
    if (pick-- === 0) return 31 - Math.clz32(m & -m);
  }
}

/**
 * Looks for a provider of `amount` minor units of service in `category` for `buyer`: up to `limit` candidates,
 * the first half drawn from one of the buyer's own groups (when `ownGroupsFirst`), the rest from everyone. A
 * candidate qualifies if it is not the buyer, has the skill and has that much capacity left this tick.
 * Returns the provider, or −1 when the need goes unmet.
 */
export function findProvider(
  population: Population,
  buyer: number,
  category: number,
  amount: number,
  rng: Rng,
  limit: number,
  ownGroupsFirst: boolean,
): number {
  const { skills, remaining, groups, groupMembers } = population;
  const bit = 1 << category;
  const mask = groups[buyer];
  let tries = 0;
  if (ownGroupsFirst && mask !== 0) {
    const own = Math.ceil(limit / 2);
    for (; tries < own; tries++) {
      const list = groupMembers[randomSetBit(mask, rng)];
      const candidate = list[rng.int(list.length)];
      if (candidate !== buyer && (skills[candidate] & bit) !== 0 && remaining[candidate] >= amount)
        return candidate;
    }
  }
  const n = population.n;
  for (; tries < limit; tries++) {
    const candidate = rng.int(n);
    if (candidate !== buyer && (skills[candidate] & bit) !== 0 && remaining[candidate] >= amount)
      return candidate;
  }
  return -1;
}
