import { laplace } from '../../../../sim/random/distributions.js';
import type { Rng } from '../../../../sim/random/rng.js';

/** Scale b = sensitivity / epsilon of the Laplace mechanism (Dwork, McSherry, Nissim & Smith 2006). */
export function laplaceScale(sensitivity: number, epsilon: number): number {
  if (!(sensitivity > 0) || !Number.isFinite(sensitivity))
    throw new Error(`ais.clip: must be > 0 (got ${sensitivity})`);
  if (!(epsilon > 0) || !Number.isFinite(epsilon))
    throw new Error(`ais.epsilon: must be > 0 (got ${epsilon})`);
  return sensitivity / epsilon;
}

/** `value` plus one Laplace(0, scale) draw from `rng` (pass a named stream, e.g. `ctx.rng('ais.noise')`). */
export function laplaceRelease(rng: Rng, value: number, scale: number): number {
  return value + laplace(rng, scale);
}
