/**
 * Lorenz curve of a sample at `points` evenly spaced population shares: the share of the total held by
 * the poorest p of the population, for p = 0, 1/(points-1), ..., 1. Returns [populationShare, valueShare].
 */
export function lorenz(
  values: ArrayLike<number>,
  points = 101,
): { population: Float64Array; share: Float64Array } {
  const n = values.length;
  const population = new Float64Array(points);
  const share = new Float64Array(points);
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + sorted[i];
  for (let k = 0; k < points; k++) {
    const p = points === 1 ? 1 : k / (points - 1);
    population[k] = p;
    const exact = p * n;
    const below = Math.floor(exact);
    const partial = below < n ? (exact - below) * sorted[below] : 0;
    share[k] = total === 0 || n === 0 ? p : (cumulative[below] + partial) / total;
  }
  return { population, share };
}
