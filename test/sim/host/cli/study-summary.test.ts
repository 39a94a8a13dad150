import { describe, expect, it } from 'vitest';
import { studySummary } from '../../../../sim/host/cli/study-summary.js';
import type { MergeResult } from '../../../../sim/host/node/study-merge.js';
import type { StudyRecord } from '../../../../sim/host/node/study-record.js';

const record = {
  name: 'drivers',
  policies: [{ name: 'base' }],
  seeds: [1, 2, 3],
  points: [{}, {}],
} as unknown as StudyRecord;

function merged(seedShare: number): MergeResult {
  const row = (factor: string, st: number) => ({
    metric: 'y',
    factor,
    values: { S1: st, S1_low: 0, S1_high: 1, ST: st, ST_low: 0, ST_high: 1, seed_share: seedShare },
  });
  return {
    runs: 6,
    files: ['out/runs.parquet'],
    sensitivity: [{ policy: null, rows: [row('a', 0.1), row('b', 0.8)] }],
    rankBy: 'ST',
  };
}

describe('studySummary', () => {
  it('ranks factors by total effect, the largest first', () => {
    const text = studySummary(record, merged(0.05));
    expect(text).toContain('study drivers: 6 runs (2 points × 1 scenario × 3 seeds)');
    expect(text.indexOf('  b ')).toBeLessThan(text.indexOf('  a '));
    expect(text).not.toContain('mostly noise');
  });

  it('flags a metric whose variance is mostly due to seeds', () => {
    expect(studySummary(record, merged(0.7))).toContain('seeds make most of this metric');
    expect(studySummary(record, merged(1.4))).toContain('seeds make all of this metric');
  });
});
