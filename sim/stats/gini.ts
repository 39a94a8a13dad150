/**
 * Gini coefficient of a sample: mean absolute difference over twice the mean,
 * G = (2 Σ i·x(i)) / (n Σ x) − (n + 1) / n with x sorted ascending and i from 1.
 * 0 for an empty sample or a zero total. Negative values are allowed (G may then exceed 1).
 */
export function gini(values: ArrayLike<number>): number {
  return giniOfSorted(Float64Array.from(values).sort());
}

/** Gini coefficient of values already sorted ascending (no copy: for scratch arrays sorted in place). */
export function giniOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return 0;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
