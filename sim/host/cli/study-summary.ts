import type { MergeResult } from '../node/study-merge.js';
import { formatNumber } from '../node/run-writer.js';
import type { StudyRecord } from '../node/study-record.js';

/** At most this many factors are listed per metric. */
const TOP = 8;
/** A seed share of variance from which a metric's indices are flagged as mostly noise. */
const NOISY = 0.5;

/** The one-screen summary of a merged study: what ran, where the files are, each metric's factors ranked. */
export function studySummary(record: StudyRecord, merged: MergeResult): string {
  const out = [
    `study ${record.name}: ${studySize(merged.runs, record.points.length, record.policies.length, record.seeds.length)}`,
  ];
  const key = merged.rankBy;
  if (key) {
    for (const { policy, rows } of merged.sensitivity) {
      const metrics = [...new Set(rows.map((r) => r.metric))];
      for (const metric of metrics) {
        const ranked = rows
          .filter((r) => r.metric === metric)
          .sort((a, b) => (b.values[key] || 0) - (a.values[key] || 0));
        const share = ranked[0]?.values.seed_share;
        out.push(
          `\n${metric}${policy ? ` (${policy})` : ''}: factors by ${key === 'ST' ? 'total effect ST [95% interval] and first-order S1' : 'mu* (mean |elementary effect|), with sigma'}; seed share of variance ${fmt(share)}`,
        );
        if (share !== undefined && share >= NOISY) {
          out.push(
            `  (seeds make ${share >= 1 ? 'all' : 'most'} of this metric's variance: the factors barely move it, and its indices below are mostly noise)`,
          );
        }
        const width = Math.max(...ranked.map((r) => r.factor.length));
        for (const r of ranked.slice(0, TOP)) {
          const v = r.values;
          out.push(
            key === 'ST'
              ? `  ${r.factor.padEnd(width)}  ST ${fmt(v.ST)} [${fmt(v.ST_low)}, ${fmt(v.ST_high)}]  S1 ${fmt(v.S1)} [${fmt(v.S1_low)}, ${fmt(v.S1_high)}]`
              : `  ${r.factor.padEnd(width)}  mu* ${fmt(v.mu_star)}  mu ${fmt(v.mu)}  sigma ${fmt(v.sigma)}`,
          );
        }
        if (ranked.length > TOP) out.push(`  … ${ranked.length - TOP} more in sensitivity.csv`);
      }
    }
  }
  out.push('', ...merged.files.map((f) => `wrote ${f}`));
  return out.join('\n') + '\n';
}

function fmt(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return 'n/a';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : formatNumber(Number(v.toFixed(3)));
}

/** `1280 runs (640 points × 1 scenario × 2 seeds)`. */
export function studySize(runs: number, points: number, policies: number, seeds: number): string {
  return `${count(runs, 'run')} (${count(points, 'point')} × ${count(policies, 'scenario')} × ${count(seeds, 'seed')})`;
}

/** `1 seed`, `3 seeds`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
