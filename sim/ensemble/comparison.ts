import { meanInterval } from '../stats/interval.js';

/** One cell of a comparison: a metric's final value across seeds for one policy, and its paired difference. */
export interface ComparisonRow {
  readonly metric: string;
  readonly policy: string;
  readonly runs: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** Mean and interval of (this policy − the first policy), paired by seed; NaN for the first policy. */
  readonly diff: number;
  readonly diffLow: number;
  readonly diffHigh: number;
}

/** One policy's runs as a comparison reads them. */
export interface PolicyFinals {
  /** Whether its runs record each metric (in the comparison's metric order); the others have no value. */
  readonly records: readonly boolean[];
  /** Each run's final values in the comparison's metric order, seed by seed (the same seeds for every policy). */
  readonly finals: readonly (readonly number[])[];
}

/**
 * Compares policies run on the same seeds: for every metric, the mean of its final value over the seeds with a
 * Student-t interval at `level`, and the seed-paired difference from the first policy. A policy that does not
 * record a metric gets a row with 0 runs and no values (NaN), and no difference.
 */
export function comparePolicies(
  policies: readonly string[],
  metrics: readonly string[],
  results: readonly PolicyFinals[],
  level = 0.95,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  metrics.forEach((metric, m) => {
    const finalsOf = (p: number) => (results[p].records[m] ? results[p].finals.map((f) => f[m]) : null);
    const first = finalsOf(0);
    results.forEach((_, p) => {
      const finals = finalsOf(p);
      const ci = meanInterval(finals ?? [], level);
      const paired = p > 0 && finals && first ? finals.map((v, s) => v - first[s]) : [];
      const diff = paired.length === 0 ? null : meanInterval(paired, level);
      rows.push({
        metric,
        policy: policies[p],
        runs: finals?.length ?? 0,
        mean: ci.mean,
        low: ci.low,
        high: ci.high,
        diff: diff ? diff.mean : NaN,
        diffLow: diff ? diff.low : NaN,
        diffHigh: diff ? diff.high : NaN,
      });
    });
  });
  return rows;
}
