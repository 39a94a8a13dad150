/**
 * Shares of the total held by the bottom and the top tenth of a population (⌈n/10⌉ members each, at least one),
 * ranked by value. 0 and 0 for an empty sample or a zero total.
 */
export function decileShares(values: ArrayLike<number>): { bottom: number; top: number } {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  if (n === 0 || total === 0) return { bottom: 0, top: 0 };
  const k = Math.max(1, Math.ceil(n / 10));
  let bottom = 0;
  let top = 0;
  for (let i = 0; i < k; i++) {
    bottom += sorted[i];
    top += sorted[n - 1 - i];
  }
  return { bottom: bottom / total, top: top / total };
}
