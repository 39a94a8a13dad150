/** What `sanitizeWeights` found and zeroed. */
export interface WeightIssues {
  /** Weights that were NaN or ±Infinity. */
  readonly nonFinite: number;
  /** Weights that were negative. */
  readonly negative: number;
  /** Index of the first bad member, or -1. */
  readonly firstIndex: number;
  /** Its weight before zeroing (NaN if none). */
  readonly firstValue: number;
}

/**
 * Policy for bad weights: a non-finite or negative weight is set to 0 (that member gets nothing this payout) and
 * counted, so a run never stops mid-way on data (e.g. log(0)); the model reports the count as a warning.
 */
export function sanitizeWeights(weights: Float64Array, n = weights.length): WeightIssues {
  let nonFinite = 0;
  let negative = 0;
  let firstIndex = -1;
  let firstValue = NaN;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w >= 0 && w < Infinity) continue;
    if (w < 0 && w > -Infinity) negative++;
    else nonFinite++;
    if (firstIndex < 0) {
      firstIndex = i;
      firstValue = w;
    }
    weights[i] = 0;
  }
  return { nonFinite, negative, firstIndex, firstValue };
}

/** A one-line warning for `issues`, naming the first bad member, or null if there were none. */
export function describeWeightIssues(issues: WeightIssues): string | null {
  if (issues.firstIndex < 0) return null;
  return (
    `dividends.formula: ${issues.nonFinite} non-finite and ${issues.negative} negative weights set to 0 ` +
    `(first: member ${issues.firstIndex}, weight ${issues.firstValue})`
  );
}
