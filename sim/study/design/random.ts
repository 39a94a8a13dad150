import type { Rng } from '../../random/rng.js';

/** `samples` independent uniform points in [0, 1)^d, point-major. */
export function randomUnit(samples: number, d: number, rng: Rng): Float64Array {
  const unit = new Float64Array(samples * d);
  for (let i = 0; i < unit.length; i++) unit[i] = rng.float();
  return unit;
}
