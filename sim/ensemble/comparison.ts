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

/** Every metric any run recorded, in the order first met (first policy first): none is dropped. */
export function metricNames(results: readonly (readonly RunResult[])[]): string[] {
  const names = new Set<string>();
  for (const runs of results) for (const r of runs) for (const m of Object.keys(r.metrics)) names.add(m);
  return [...names];
}

/**
 * Compares policies run on the same seeds: for every metric any policy records, the mean of its final value over
 * the seeds with a Student-t interval at `level`, and the seed-paired difference from the first policy. A policy
 * that does not record a metric gets a row with 0 runs and no values (NaN), and no difference.
 * `results[p][s]` is policy p's run on the s-th seed (the same seeds, in the same order, for every policy).
 */
export function comparePolicies(
  policies: readonly string[],
  results: readonly (readonly RunResult[])[],
  level = 0.95,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const metric of metricNames(results)) {
    const finalOf = (r: RunResult | undefined) =>
      r && metric in r.metrics ? r.metrics[metric].final : undefined;
    results.forEach((runs, p) => {
      const finals = runs.map(finalOf).filter((v): v is number => v !== undefined);
      const ci = meanInterval(finals, level);
      const paired: number[] = [];
      if (p > 0)
        runs.forEach((r, s) => {
          const [v, first] = [finalOf(r), finalOf(results[0][s])];
          if (v !== undefined && first !== undefined) paired.push(v - first);
        });
      const diff = p === 0 || paired.length === 0 ? null : meanInterval(paired, level);
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
