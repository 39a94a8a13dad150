import type { RunResult } from '../../sim/host/worker/api.js';
import { download } from '../charts/export.js';
import { button, el } from './dom.js';

/** One finished run of a comparison: its policy's label (with the policy's own overrides) and the engine's result. */
export interface ComparedRun {
  readonly policy: string;
  readonly result: RunResult;
}

/** A run as the runs table shows it. */
export interface RunsTableRow {
  readonly policy: string;
  readonly seed: number;
  readonly ticks: number;
  /** The whole fingerprint, as `mimo run` prints it. */
  readonly fingerprint: string;
  /** Its first `SHOWN_DIGITS` hex digits and an ellipsis. */
  readonly short: string;
}

/** Hex digits of a fingerprint the table shows (the title and the CSV have all of them). */
export const SHOWN_DIGITS = 12;

/** The runs table's rows, one per run in the order given. */
export function runsTableRows(runs: readonly ComparedRun[]): RunsTableRow[] {
  return runs.map(({ policy, result: { seed, ticks, fingerprint } }) => ({
    policy,
    seed,
    ticks,
    fingerprint,
    short: fingerprint.length > SHOWN_DIGITS ? `${fingerprint.slice(0, SHOWN_DIGITS)}…` : fingerprint,
  }));
}

/** What the collapsed runs table says of itself, e.g. `12 runs: fingerprints`. */
export function runsSummary(count: number): string {
  return `${count} ${count === 1 ? 'run' : 'runs'}: fingerprints`;
}

/**
 * The runs as CSV, one row per run in the order given: `policy`, `seed`, `fingerprint` (whole), `ticks`, then each
 * metric's `<metric>_final` and `<metric>_mean`, empty where the run's scenario does not record it. These are the
 * columns of `mimo compare`'s `runs.csv` in its order, numbers written the same way, with `ticks` added after the
 * fingerprint (a lab comparison's scenarios may run for different lengths).
 */
export function runsCsv(runs: readonly ComparedRun[], metrics: readonly string[]): string {
  const lines = [
    ['policy', 'seed', 'fingerprint', 'ticks', ...metrics.flatMap((m) => [`${m}_final`, `${m}_mean`])]
      .map(csvText)
      .join(','),
  ];
  for (const { policy, result } of runs) {
    const values = metrics.flatMap((m) => {
      const summary = result.metrics[m];
      return summary ? [csvNumber(summary.final), csvNumber(summary.mean)] : ['', ''];
    });
    lines.push([csvText(policy), result.seed, result.fingerprint, result.ticks, ...values].join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * The comparison's runs, collapsed under a summary (policy, seed, ticks and the fingerprint shortened, whole in its
 * title), and a "Runs CSV" button that saves them as `compare-runs.csv` with `metrics`' columns.
 */
export function comparedRunsTable(
  runs: readonly ComparedRun[],
  metrics: readonly string[],
): { table: HTMLElement; save: HTMLButtonElement } {
  const details = el('details', 'compare-runs');
  details.dataset.testid = 'compare-runs';
  const summary = el('summary');
  summary.textContent = runsSummary(runs.length);
  const table = el('table', 'compare-table') as HTMLTableElement;
  const head = table.createTHead().insertRow();
  for (const h of ['policy', 'seed', 'ticks', 'fingerprint']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of runsTableRows(runs)) {
    const row = body.insertRow();
    row.insertCell().textContent = r.policy;
    row.insertCell().textContent = String(r.seed);
    row.insertCell().textContent = String(r.ticks);
    const code = el('code');
    code.textContent = r.short;
    code.title = r.fingerprint;
    row.insertCell().append(code);
  }
  details.append(summary, table);
  const save = button(
    'Runs CSV',
    () => download(new Blob([runsCsv(runs, metrics)], { type: 'text/csv' }), 'compare-runs.csv'),
    'runs-csv',
  );
  save.title = 'Save every run (policy, seed, fingerprint, ticks, final and mean values) as compare-runs.csv';
  save.setAttribute('aria-label', 'Runs CSV: download the runs with their fingerprints');
  return { table: details, save };
}

/** A text cell, quoted when it holds a comma, a quote or a line break (a label with several overrides does). */
export function csvText(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Shortest text that reads back to the same double, empty for NaN (as `mimo compare` writes them). */
function csvNumber(v: number): string {
  return Number.isNaN(v) ? '' : String(v);
}
