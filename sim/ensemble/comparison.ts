import type { RunResult } from '../run/run.js';
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

/**
 * Compares policies run on the same seeds: for each metric every policy records, the mean of its final value over
 * the seeds with a Student-t interval at `level`, and the seed-paired difference from the first policy.
 * `results[p][s]` is policy p's run on the s-th seed (the same seeds, in the same order, for every policy).
 */
export function comparePolicies(
  policies: readonly string[],
  results: readonly (readonly RunResult[])[],
  level = 0.95,
): ComparisonRow[] {
  const metrics = Object.keys(results[0]?.[0]?.metrics ?? {}).filter((m) =>
    results.every((runs) => runs.every((r) => m in r.metrics)),
  );
  const rows: ComparisonRow[] = [];
  for (const metric of metrics) {
    const first = results[0].map((r) => r.metrics[metric].final);
    results.forEach((runs, p) => {
      const finals = runs.map((r) => r.metrics[metric].final);
      const ci = meanInterval(finals, level);
      const diff =
        p === 0
          ? null
          : meanInterval(
              finals.map((v, s) => v - first[s]),
              level,
            );
      rows.push({
        metric,
        policy: policies[p],
        runs: finals.length,
        mean: ci.mean,
        low: ci.low,
        high: ci.high,
        diff: diff ? diff.mean : NaN,
        diffLow: diff ? diff.low : NaN,
        diffHigh: diff ? diff.high : NaN,
      });
    });
  }
  return rows;
}
