import { gini } from '../../stats/gini.js';
import { lorenz } from '../../stats/lorenz.js';
import type { Distribution } from './api.js';

/** Histogram in about `bins` equal bins (integer-aligned widths for integer data) and Lorenz curve of values. */
export function distributionOf(
  values: ArrayLike<number>,
  tick: number,
  bins: number,
  lorenzPoints: number,
): Distribution {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  if (n === 0) min = max = 0;
  const span = max - min;
  let width = span === 0 ? 1 : span / bins;
  if (integers) width = Math.max(1, Math.ceil((span + 1) / bins));
  const count = integers ? Math.floor(span / width) + 1 : span === 0 ? 1 : bins;
  const counts = new Float64Array(count);
  const binStart = new Float64Array(count);
  for (let b = 0; b < count; b++) binStart[b] = min + b * width;
  for (let i = 0; i < n; i++) {
    const b = Math.min(count - 1, Math.floor((values[i] - min) / width));
    counts[b]++;
  }
  const l = lorenz(values, lorenzPoints);
  return {
    tick,
    n,
    mean: n ? sum / n : NaN,
    gini: n ? gini(values) : NaN,
    binStart,
    binWidth: width,
    counts,
    lorenzPopulation: l.population,
    lorenzShare: l.share,
  };
}
