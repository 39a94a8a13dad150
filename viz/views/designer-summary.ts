import type { FormulaReport } from '../../models/mimo/dividends/designer-report.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The designer's line of figures for a formula the worker accepted: Gini, the tenths' shares and the correlation
 * with contribution, and how many members' weights were zeroed. When every weight is 0 nobody is paid, and a
 * Gini of 0 and shares of 0% would read as a perfectly equal payout: it says so in words instead (`nobodyPaid`).
 */
export function designerSummary(report: FormulaReport): { text: string; nobodyPaid: boolean } {
  const zeroed = [
    report.zeroedNegative ? `${report.zeroedNegative.toLocaleString('en')} negative` : '',
    report.zeroedNonFinite ? `${report.zeroedNonFinite.toLocaleString('en')} not a finite number` : '',
  ].filter(Boolean);
  const zeroedText = zeroed.length
    ? `the weights of ${zeroed.join(' and ')} were set to 0 (a member's weight must be 0 or more)`
    : '';
  const zero = report.constantZero.length ? `zero for everyone now: ${report.constantZero.join(', ')}` : '';
  if (report.recipients === 0) {
    const why = zeroedText
      ? `every weight is 0: ${zeroedText}`
      : 'the formula gives every member a weight of 0';
    return {
      text: `Nobody is paid: ${why}; a payout would carry the pool over.${zero ? ` (${zero})` : ''}`,
      nobodyPaid: true,
    };
  }
  const d = report.payouts!;
  const text =
    `Gini of dividends ${d.gini.toFixed(3)} · bottom 10% get ${pct(report.bottomDecileShare)} · ` +
    `top 10% get ${pct(report.topDecileShare)} · correlation with ${report.contributionName} ` +
    `${report.correlation.toFixed(2)}` +
    [zeroedText, zero].map((s) => (s ? ` · ${s}` : '')).join('');
  return { text, nobodyPaid: false };
}
