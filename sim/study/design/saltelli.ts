import type { Rng } from '../../random/rng.js';
import type { SobolLayout } from './points.js';
import { sobolSequence } from './sobol-sequence.js';

/**
 * Saltelli's (2002; Saltelli et al. 2010) sampling scheme for first-order and total Sobol' indices: the first
 * `base` points of a 2d-dimensional Sobol' sequence give matrix A (columns 1…d) and B (columns d+1…2d); each
 * AB_i is A with column i from B. N (d + 2) points, in the block layout of `SobolLayout`, point-major.
 */
export function saltelliUnit(
  base: number,
  d: number,
  scramble: Rng | null,
): { unit: Float64Array; layout: SobolLayout } {
  const sequence = sobolSequence(base, 2 * d, scramble);
  const unit = new Float64Array(base * (d + 2) * d);
  for (let j = 0; j < base; j++) {
    const row = sequence.subarray(j * 2 * d, (j + 1) * 2 * d);
    const a = j * d;
    const b = (base + j) * d;
    for (let f = 0; f < d; f++) {
      unit[a + f] = row[f];
      unit[b + f] = row[d + f];
    }
    for (let i = 0; i < d; i++) {
      const ab = ((2 + i) * base + j) * d;
      for (let f = 0; f < d; f++) unit[ab + f] = f === i ? row[d + f] : row[f];
    }
  }
  return { unit, layout: { base, factors: d } };
}

/** One output per point of a Sobol' design, split into its blocks: yA, yB and yAB[i] (views, not copies). */
export function sobolBlocks(
  y: Float64Array,
  layout: SobolLayout,
): { yA: Float64Array; yB: Float64Array; yAB: Float64Array[] } {
  const { base: n, factors: d } = layout;
  if (y.length !== n * (d + 2)) {
    throw new RangeError(
      `a Sobol' design of N = ${n}, d = ${d} has ${n * (d + 2)} points (got ${y.length} outputs)`,
    );
  }
  const block = (k: number) => y.subarray(k * n, (k + 1) * n);
  return { yA: block(0), yB: block(1), yAB: Array.from({ length: d }, (_, i) => block(2 + i)) };
}
