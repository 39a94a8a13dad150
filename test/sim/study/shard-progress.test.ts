import { describe, expect, it } from 'vitest';
import { indexRanges, shardProgress } from '../../../sim/study/shard-progress.js';

const plan = { points: 5, policies: 1, seeds: [1, 2] };

describe('shard progress', () => {
  it('counts each shard done, partial or missing from the finished runs', () => {
    // Shard 1/3 holds runs 0, 3, 6, 9; 2/3 holds 1, 4, 7; 3/3 holds 2, 5, 8.
    const progress = shardProgress(plan, 3, new Set([0, 3, 6, 9, 4]));
    expect(progress).toEqual([
      { index: 1, count: 3, runs: 4, done: 4, state: 'done' },
      { index: 2, count: 3, runs: 3, done: 1, state: 'partial' },
      { index: 3, count: 3, runs: 3, done: 0, state: 'missing' },
    ]);
    expect(shardProgress(plan, 1, new Set())).toEqual([
      { index: 1, count: 1, runs: 10, done: 0, state: 'missing' },
    ]);
  });

  it('writes shard numbers as a Slurm --array list', () => {
    expect(indexRanges([7, 1, 3, 2])).toBe('1-3,7');
    expect(indexRanges([4])).toBe('4');
    expect(indexRanges([1, 2, 4, 5, 9])).toBe('1-2,4-5,9');
    expect(indexRanges([])).toBe('');
  });
});
