/** Counts of values in equal bins: bin b holds the values in [binStart[b], binStart[b] + binWidth). */
export interface Histogram {
  readonly binStart: Float64Array;
  readonly binWidth: number;
  readonly counts: Float64Array;
}

/**
 * Histogram of values in about `bins` equal bins from their minimum to their maximum (the maximum in the last
 * bin). Integer data get integer widths and edges, so no bin straddles a value: ⌈(range + 1) / bins⌉ wide.
 */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
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
  return { binStart, binWidth: width, counts };
}
