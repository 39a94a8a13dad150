/** The outcome of one payout. */
export interface Payout {
  /** Minor units paid out: the whole pool, or 0 when every weight is 0 (the pool is then carried over). */
  readonly paid: number;
  /** Members who received at least one unit. */
  readonly recipients: number;
}

/**
 * Pays the integer `pool` in proportion to `weights` by the largest-remainder (Hamilton) method: each member gets
 * floor(pool * w / W), and the units left go one each to the largest remainders, ties to the lower member index.
 * The amounts written to `out[0..n)` are integers summing to `pool` exactly. Every weight must be finite and >= 0
 * (see `sanitizeWeights`); if they are all 0, nothing is paid and `out` is all 0: the caller keeps the pool.
 */
export function payLargestRemainder(
  pool: number,
  weights: Float64Array,
  out: Float64Array,
  n = weights.length,
): Payout {
  if (!Number.isSafeInteger(pool) || pool < 0)
    throw new Error(`dividends: pool must be a safe integer >= 0 (got ${pool})`);
  if (out.length < n || weights.length < n) throw new Error(`dividends: weights and out need ${n} slots`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity))
      throw new Error(`dividends: weight of member ${i} is ${w} (must be finite and >= 0)`);
    total += w;
  }
  if (!Number.isFinite(total)) throw new Error('dividends: the weights sum to infinity');
  out.fill(0, 0, n);
  if (total === 0 || pool === 0) return { paid: 0, recipients: 0 };
  const remainder = new Float64Array(n);
  let floors = 0;
  for (let i = 0; i < n; i++) {
    const quota = (pool * weights[i]) / total;
    const f = Math.floor(quota);
    out[i] = f;
    remainder[i] = quota - f;
    floors += f;
  }
  // Rounding of the quotas can leave `left` slightly off [0, n): fix it in whole units either way.
  let left = pool - floors;
  if (left > 0) giveToLargest(remainder, out, n, left);
  while (left < 0) {
    // Float quotas overshot: take units back from the smallest remainders among those with something to give.
    left += takeFromSmallest(remainder, out, n, -left);
  }
  let recipients = 0;
  for (let i = 0; i < n; i++) if (out[i] > 0) recipients++;
  return { paid: pool, recipients };
}

/** Adds one unit to each of the `units` members with the largest remainders (ties: lower index first). */
function giveToLargest(remainder: Float64Array, out: Float64Array, n: number, units: number): void {
  while (units >= n) {
    // Only possible through float error on huge pools: a whole round for everyone keeps the sum exact.
    for (let i = 0; i < n; i++) out[i]++;
    units -= n;
  }
  if (units === 0) return;
  const sorted = remainder.slice(0, n).sort();
  const threshold = sorted[n - units];
  let above = 0;
  for (let i = 0; i < n; i++) if (remainder[i] > threshold) above++;
  let atThreshold = units - above;
  for (let i = 0; i < n; i++) {
    if (remainder[i] > threshold) out[i]++;
    else if (remainder[i] === threshold && atThreshold > 0) {
      out[i]++;
      atThreshold--;
    }
  }
}

/** Removes up to `units` units, one per member, from the smallest remainders among members holding > 0. */
function takeFromSmallest(remainder: Float64Array, out: Float64Array, n: number, units: number): number {
  let taken = 0;
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => out[i] > 0)
    .sort((a, b) => remainder[a] - remainder[b] || b - a);
  for (const i of order) {
    if (taken === units) break;
    out[i]--;
    taken++;
  }
  if (taken === 0) throw new Error('dividends: cannot reconcile the payout with the pool');
  return taken;
}
