import { decileShares } from '../../../sim/stats/deciles.js';
import { distributionOf, type Distribution } from '../../../sim/stats/distribution.js';
import { correlation } from '../../../sim/stats/moments.js';
import type { FormulaDesign, FormulaProblem } from './designer.js';

/** The formula designer's view of one formula on the current population: small, for a page to draw. */
export interface FormulaReport {
  readonly tick: number;
  /** Why the formula was refused (with its position), or null. */
  readonly problem: FormulaProblem | null;
  readonly pool: number;
  /** Histogram, Lorenz curve and Gini of the payouts; null when refused. */
  readonly payouts: Distribution | null;
  /** Shares of the pool paid to the bottom and the top tenth of members (ranked by payout). */
  readonly bottomDecileShare: number;
  readonly topDecileShare: number;
  /** Pearson correlation of payout with the contribution variable. */
  readonly correlation: number;
  readonly contributionName: string;
  /** Variables the formula uses that are 0 for everyone now. */
  readonly constantZero: readonly string[];
  /** Members whose weight was negative, or not finite (e.g. x/0), and so set to 0: they get nothing. */
  readonly zeroedNegative: number;
  readonly zeroedNonFinite: number;
  /** Members paid at least one minor unit: 0 when every weight is 0 (the shares then mean nothing). */
  readonly recipients: number;
  /** Every k-th member (at most 2,000): contribution and payout, for a scatter plot. */
  readonly sampleContribution: Float64Array;
  readonly samplePayout: Float64Array;
}

const MAX_SAMPLE = 2000;

/** Summarises a design of `pool` at `tick`: distribution of payouts, decile shares, correlation, a sample. */
export function reportFormulaDesign(design: FormulaDesign, pool: number, tick: number): FormulaReport {
  const { payouts, contribution } = design;
  const n = payouts.length;
  const step = Math.max(1, Math.ceil(n / MAX_SAMPLE));
  const sampleContribution = new Float64Array(Math.ceil(n / step));
  const samplePayout = new Float64Array(sampleContribution.length);
  for (let i = 0, k = 0; i < n; i += step, k++) {
    sampleContribution[k] = contribution[i];
    samplePayout[k] = payouts[i];
  }
  const deciles = decileShares(payouts);
  return {
    tick,
    problem: design.problem,
    pool,
    payouts: design.problem ? null : distributionOf(payouts, 30, 101),
    bottomDecileShare: deciles.bottom,
    topDecileShare: deciles.top,
    correlation: n > 0 ? correlation(payouts, contribution, n) : 0,
    contributionName: design.contributionName,
    constantZero: design.constantZero,
    zeroedNegative: design.zeroed?.negative ?? 0,
    zeroedNonFinite: design.zeroed?.nonFinite ?? 0,
    recipients: design.recipients,
    sampleContribution,
    samplePayout,
  };
}
