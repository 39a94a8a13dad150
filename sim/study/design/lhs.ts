import type { Rng } from '../../random/rng.js';

/**
 * A Latin hypercube of `samples` points in [0, 1)^d, point-major (McKay, Beckman & Conover 1979): each factor's
 * [0, 1) is cut in `samples` equal strata and each stratum holds exactly one point, at a uniform place inside it;
 * the strata are matched across factors by independent random permutations.
 */
export function latinHypercubeUnit(samples: number, d: number, rng: Rng): Float64Array {
  const unit = new Float64Array(samples * d);
  const strata = new Int32Array(samples);
  for (let f = 0; f < d; f++) {
    for (let k = 0; k < samples; k++) strata[k] = k;
    rng.shuffle(strata);
    for (let k = 0; k < samples; k++) unit[k * d + f] = (strata[k] + rng.float()) / samples;
  }
  return unit;
}
