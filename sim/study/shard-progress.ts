import { shardRuns, type RunPlan } from './run-plan.js';

/** How far one shard I/N of a study has come: its runs, and how many of them are finished. */
export interface ShardProgress {
  readonly index: number;
  readonly count: number;
  readonly runs: number;
  readonly done: number;
  /** done: every run finished; partial: some (or a task still running); missing: none. */
  readonly state: 'done' | 'partial' | 'missing';
}

/** Each of the N shards' progress, given the study's finished runs (from any journal). */
export function shardProgress(plan: RunPlan, count: number, finished: ReadonlySet<number>): ShardProgress[] {
  return Array.from({ length: count }, (_, i) => {
    const runs = shardRuns(plan, { index: i + 1, count });
    const done = runs.filter((k) => finished.has(k)).length;
    const state = done === runs.length ? 'done' : done > 0 ? 'partial' : 'missing';
    return { index: i + 1, count, runs: runs.length, done, state };
  });
}

/** Shard numbers as a Slurm `--array` list: `[1, 2, 3, 7]` → `1-3,7`. */
export function indexRanges(indices: readonly number[]): string {
  const sorted = [...indices].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return out.join(',');
}
