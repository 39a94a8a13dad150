import { compileFormula } from '../../models/mimo/dividends/formula/formula.js';

/** The formula the benchmark evaluates: a base share plus a contribution share with a tenure bonus. */
export const BENCH_DIVIDEND_FORMULA =
  '0.3 / count + 0.7 * (records / max(sum(records), 1)) * (tenure > 30 ? 1.5 : 1) + 0.1 * sqrt(hours_given) / max(mean(hours_given), 1)';

/**
 * Seconds to evaluate `BENCH_DIVIDEND_FORMULA` over `members` members (default 1e6), the best of `repeats` timed
 * runs after one warm-up. Prints nothing; the bench runner reports.
 */
export function benchDividendFormula(members = 1_000_000, repeats = 3): number {
  const records = new Float64Array(members);
  const tenure = new Int32Array(members);
  const hoursGiven = new Float64Array(members);
  for (let i = 0; i < members; i++) {
    // Deterministic spread without a random stream: the benchmark measures evaluation, not data generation.
    records[i] = (i * 7919) % 53;
    tenure[i] = (i * 104729) % 720;
    hoursGiven[i] = ((i * 31) % 200) / 4;
  }
  const formula = compileFormula(BENCH_DIVIDEND_FORMULA);
  const columns = { records, tenure, hours_given: hoursGiven };
  const out = new Float64Array(members);
  formula.evaluate(columns, members, out);
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    formula.evaluate(columns, members, out);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}
