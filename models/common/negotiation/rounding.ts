import type { Rng } from '../../../sim/random/rng.js';

/**
 * Rounds a price to whole minor units without bias: up with probability equal to its fractional part, so the
 * expected price equals the exact one and neither side gains from rounding on average. Whole prices draw nothing.
 * A price between two integers stays between them.
 */
export function roundUnbiased(x: number, rng: Rng): number {
  const whole = Math.floor(x);
  const fraction = x - whole;
  return fraction > 0 && rng.float() < fraction ? whole + 1 : whole;
}
