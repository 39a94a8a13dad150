/**
 * The runs of a study: every (point, policy, seed), numbered point-major so that run k is
 * ((point × policies) + policy) × seeds + seed index. Each run is a pure function of the study and its number;
 * a shard I/N takes the runs with k mod N = I − 1, disjoint slices whose union is the study, each with a fair
 * share of every part of the design.
 */
export interface RunPlan {
  readonly points: number;
  readonly policies: number;
  readonly seeds: readonly number[];
}

/** One run of a study. */
export interface PlannedRun {
  /** The run's number in the study, 0 … total − 1. */
  readonly k: number;
  readonly point: number;
  /** Index of the policy (0 when the study has one scenario). */
  readonly policy: number;
  readonly seed: number;
}

/** A slice of a study's runs: the I-th (1-based) of N. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE_STUDY: Shard = { index: 1, count: 1 };

export function totalRuns(plan: RunPlan): number {
  return plan.points * plan.policies * plan.seeds.length;
}

/** Run number k. */
export function plannedRun(plan: RunPlan, k: number): PlannedRun {
  const s = plan.seeds.length;
  const seedIndex = k % s;
  const rest = (k - seedIndex) / s;
  const policy = rest % plan.policies;
  return { k, point: (rest - policy) / plan.policies, policy, seed: plan.seeds[seedIndex] };
}

/** The numbers of the runs in a shard, ascending. */
export function shardRuns(plan: RunPlan, shard: Shard): number[] {
  const out: number[] = [];
  for (let k = shard.index - 1; k < totalRuns(plan); k += shard.count) out.push(k);
  return out;
}

/** `I/N` with 1 ≤ I ≤ N, or null. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && index <= count ? { index, count } : null;
}

/** `1of4`: the shard in file names. */
export function shardLabel(shard: Shard): string {
  return `${shard.index}of${shard.count}`;
}
