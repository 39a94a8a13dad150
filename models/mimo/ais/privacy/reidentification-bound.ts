/**
 * The most a data buyer can gain in telling whether a member's records were used in what AIS released, after the
 * member was charged `epsilon` in all: (e^ε − 1) / (e^ε + 1) = tanh(ε / 2). An ε-differentially private release lets
 * any test of "this member's records are in" keep TPR ≤ e^ε · FPR and 1 − FPR ≤ e^ε · (1 − TPR) (Wasserman & Zhou
 * 2010), so TPR − FPR, the test's advantage over a guess, is at most this (Kairouz, Oh & Viswanath 2015); the
 * member's releases compose sequentially, so ε is the sum it was charged. 0 when nothing was charged, 1/2 at ε =
 * ln 3, towards 1 as ε grows: a budget per period caps the loss of one period, not of a membership.
 */
export function reidentificationBound(epsilon: number): number {
  return epsilon > 0 ? Math.tanh(epsilon / 2) : 0;
}

/** The bound's mean over members. */
export function meanReidentificationBound(spentTotal: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < spentTotal.length; i++) sum += reidentificationBound(spentTotal[i]);
  return spentTotal.length > 0 ? sum / spentTotal.length : 0;
}

/** The bound's largest value over members: the bound of the largest ε (it only grows with ε). */
export function maxReidentificationBound(spentTotal: Float64Array): number {
  let max = 0;
  for (let i = 0; i < spentTotal.length; i++) if (spentTotal[i] > max) max = spentTotal[i];
  return reidentificationBound(max);
}
