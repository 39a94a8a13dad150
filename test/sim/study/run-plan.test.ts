import { describe, expect, it } from 'vitest';
import { parseShard, plannedRun, shardRuns, totalRuns } from '../../../sim/study/run-plan.js';

const plan = { points: 5, policies: 2, seeds: [3, 7, 11] };

describe('run plan', () => {
  it('numbers runs point by point, policy by policy, seed by seed', () => {
    expect(totalRuns(plan)).toBe(30);
    expect(plannedRun(plan, 0)).toEqual({ k: 0, point: 0, policy: 0, seed: 3 });
    expect(plannedRun(plan, 4)).toEqual({ k: 4, point: 0, policy: 1, seed: 7 });
    expect(plannedRun(plan, 29)).toEqual({ k: 29, point: 4, policy: 1, seed: 11 });
  });

  it('cuts the runs into disjoint shards whose union is the study', () => {
    const shards = [1, 2, 3, 4].map((index) => shardRuns(plan, { index, count: 4 }));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, k) => k));
    expect(shards[1]).toEqual([1, 5, 9, 13, 17, 21, 25, 29]);
    expect(shardRuns(plan, { index: 1, count: 1 })).toHaveLength(30);
  });

  it('reads I/N with 1 ≤ I ≤ N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(parseShard(bad)).toBeNull();
  });
});
