import type { ComparisonRow } from '../../ensemble/comparison.js';

/** Prints a comparison: per metric, each policy's mean final value with its 95% interval and the paired difference. */
export function printComparison(
  policies: readonly string[],
  rows: readonly ComparisonRow[],
  seeds: number,
  files: readonly string[],
): void {
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const width = Math.max(6, ...metrics.map((m) => m.length));
  const cell = 34;
  const lines = [
    `${policies.length} ${policies.length === 1 ? 'scenario' : 'scenarios'} × ${seeds} seeds — final value: mean [95% interval]; Δ: paired difference from ${policies[0]}`,
    '',
    `${'metric'.padEnd(width)}  ${policies.map((p) => p.padEnd(cell)).join('')}`,
  ];
  for (const metric of metrics.slice(0, 40)) {
    const cells = policies.map((p) => {
      const r = rows.find((x) => x.metric === metric && x.policy === p)!;
      const text = `${fmt(r.mean)} [${fmt(r.low)}, ${fmt(r.high)}]`;
      const delta = Number.isNaN(r.diff) ? '' : ` Δ${r.diff >= 0 ? '+' : ''}${fmt(r.diff)}`;
      return (text + delta).padEnd(cell);
    });
    lines.push(`${metric.padEnd(width)}  ${cells.join('')}`);
  }
  if (metrics.length > 40) lines.push(`... and ${metrics.length - 40} more metrics in the files`);
  lines.push('', ...files.map((f) => `wrote ${f}`));
  process.stdout.write(lines.join('\n') + '\n');
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(2);
  return Number.isInteger(x) ? String(x) : x.toFixed(a >= 100 ? 1 : 4);
}
