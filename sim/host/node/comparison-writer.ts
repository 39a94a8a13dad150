import { writeFileSync } from 'node:fs';
import type { ComparisonRow } from '../../ensemble/comparison.js';
import { formatNumber } from './run-writer.js';
import type { StagedFolder } from './staged-folder.js';
import type { RunRow } from './study-folder.js';

/** The columns of comparison.csv, which are also the field names of comparison.json's rows. */
const COLUMNS = [
  ['metric', 'metric'],
  ['policy', 'policy'],
  ['runs', 'runs'],
  ['mean', 'mean'],
  ['ci95_low', 'low'],
  ['ci95_high', 'high'],
  ['diff_vs_first', 'diff'],
  ['diff_ci95_low', 'diffLow'],
  ['diff_ci95_high', 'diffHigh'],
] as const satisfies readonly (readonly [string, keyof ComparisonRow])[];

/**
 * Writes a comparison into its staged folder and publishes it: `runs.csv` (one row per run, in run order: policy,
 * seed, fingerprint, each metric's final and mean, empty where the run's model does not record the metric),
 * `comparison.csv` (one row per metric and policy) and `comparison.json` (the same rows under the same names,
 * with the settings).
 */
export function writeComparison(
  folder: StagedFolder,
  policies: readonly string[],
  metrics: readonly string[],
  runs: readonly RunRow[],
  rows: readonly ComparisonRow[],
  settings: Record<string, unknown>,
): string[] {
  const runLines = [
    ['policy', 'seed', 'fingerprint', ...metrics.flatMap((m) => [`${m}_final`, `${m}_mean`])].join(','),
  ];
  for (const r of runs) {
    const cells = metrics.flatMap((_, m) => [formatNumber(r.final[m]), formatNumber(r.mean[m])]);
    runLines.push([policies[r.policy], r.seed, r.fingerprint, ...cells].join(','));
  }
  const rowLines = rows.map((r) =>
    COLUMNS.map(([, field]) => r[field])
      .map((v) => (typeof v === 'number' ? formatNumber(v) : v))
      .join(','),
  );
  const named = rows.map((r) => Object.fromEntries(COLUMNS.map(([column, field]) => [column, r[field]])));
  const files: Record<string, string> = {
    'runs.csv': runLines.join('\n') + '\n',
    'comparison.csv': [COLUMNS.map(([column]) => column).join(','), ...rowLines].join('\n') + '\n',
    'comparison.json':
      JSON.stringify(
        { ...settings, policies, rows: named },
        (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
        2,
      ) + '\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(folder.path(name), text);
  return folder.commit();
}
