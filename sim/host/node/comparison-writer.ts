import { writeFileSync } from 'node:fs';
import type { ComparisonRow } from '../../ensemble/comparison.js';
import type { RunResult } from '../../run/run.js';
import { formatNumber } from './run-writer.js';
import { StagedFolder } from './staged-folder.js';

/**
 * Writes a comparison into DIR: `runs.csv` (one row per run: policy, seed, fingerprint, each metric's final and
 * mean), `comparison.csv` (one row per metric and policy) and `comparison.json` (the same with the settings),
 * staged and moved into place together.
 */
export function writeComparison(
  dir: string,
  policies: readonly string[],
  results: readonly (readonly RunResult[])[],
  rows: readonly ComparisonRow[],
  settings: Record<string, unknown>,
): string[] {
  const folder = new StagedFolder(dir);
  try {
    const metrics = [...new Set(rows.map((r) => r.metric))];
    const runLines = [
      ['policy', 'seed', 'fingerprint', ...metrics.flatMap((m) => [`${m}_final`, `${m}_mean`])].join(','),
    ];
    results.forEach((runs, p) => {
      for (const r of runs) {
        const cells = metrics.flatMap((m) => [
          formatNumber(r.metrics[m].final),
          formatNumber(r.metrics[m].mean),
        ]);
        runLines.push([policies[p], r.seed, r.fingerprint, ...cells].join(','));
      }
    });
    const header = 'metric,policy,runs,mean,ci95_low,ci95_high,diff_vs_first,diff_ci95_low,diff_ci95_high';
    const rowLines = rows.map((r) =>
      [r.metric, r.policy, r.runs, r.mean, r.low, r.high, r.diff, r.diffLow, r.diffHigh]
        .map((v) => (typeof v === 'number' ? formatNumber(v) : v))
        .join(','),
    );
    const files: Record<string, string> = {
      'runs.csv': runLines.join('\n') + '\n',
      'comparison.csv': [header, ...rowLines].join('\n') + '\n',
      'comparison.json':
        JSON.stringify(
          { ...settings, policies, rows },
          (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
          2,
        ) + '\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(folder.path(name), text);
    return folder.commit();
  } catch (e) {
    folder.abort();
    throw e;
  }
}
