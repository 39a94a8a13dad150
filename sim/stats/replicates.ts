/**
 * Replications of a study: each design point is run on the same seeds (common random numbers), R outputs per
 * point, point-major: values[p R + s]. The sensitivity analyses take one number per point, the mean over its
 * seeds; the seed-to-seed spread left in those means (variance σ²/R) counts as variance no factor explains, so
 * it lowers every S1 a little and raises every ST by about σ²/(R V). `seedVarianceShare` says how large it is.
 */

/** The mean of each point's R replications (point-major input), one number per point. */
export function replicateMeans(values: ArrayLike<number>, replicates: number): Float64Array {
  const points = checkShape(values, replicates);
  const out = new Float64Array(points);
  for (let p = 0; p < points; p++) {
    let s = 0;
    for (let k = 0; k < replicates; k++) s += values[p * replicates + k];
    out[p] = s / replicates;
  }
  return out;
}

/**
 * The share of the outputs' variance due to seeds: the mean over points of the within-point sample variance
 * (n − 1) divided by the sample variance of all outputs (n − 1). Near 0: the factors decide the output; near 1:
 * chance does. NaN with fewer than 2 replications or outputs that never vary.
 */
export function seedVarianceShare(values: ArrayLike<number>, replicates: number): number {
  const points = checkShape(values, replicates);
  if (replicates < 2) return NaN;
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const grand = sum / n;
  let total = 0;
  for (let i = 0; i < n; i++) total += (values[i] - grand) ** 2;
  let within = 0;
  for (let p = 0; p < points; p++) {
    let s = 0;
    for (let k = 0; k < replicates; k++) s += values[p * replicates + k];
    const m = s / replicates;
    let ss = 0;
    for (let k = 0; k < replicates; k++) ss += (values[p * replicates + k] - m) ** 2;
    within += ss / (replicates - 1);
  }
  const totalVariance = total / (n - 1);
  return totalVariance === 0 ? NaN : within / points / totalVariance;
}

function checkShape(values: ArrayLike<number>, replicates: number): number {
  if (
    !Number.isInteger(replicates) ||
    replicates < 1 ||
    values.length % replicates !== 0 ||
    values.length === 0
  ) {
    throw new RangeError(`${values.length} outputs are not whole points of ${replicates} replications`);
  }
  return values.length / replicates;
}
