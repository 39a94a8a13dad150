import type { Rng } from '../../../sim/random/rng.js';
import { roundUnbiased } from './rounding.js';

/**
 * The Nash (1950) bargaining solution with linear utilities and a zero disagreement point: the price that
 * maximises (value - price)(price - cost), i.e. the midpoint, splitting the surplus evenly. An odd surplus
 * leaves half a minor unit, which goes to either side with equal chance.
 */
export function nashPrice(buyerValue: number, sellerCost: number, rng: Rng): number {
  return roundUnbiased(sellerCost + (buyerValue - sellerCost) / 2, rng);
}
