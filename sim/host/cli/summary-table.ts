import type { MetricDef } from '../../model.js';
import type { MetricSummary } from '../../run/recorder.js';

interface Summary {
  scenario: string;
  model: string;
  seed: number;
  ticks: number;
  fingerprint: string;
  wallSeconds: number;
  metrics: Record<string, MetricSummary>;
}

/** The one-screen summary `mimo run` prints: what ran, its fingerprint, each metric's final/mean/min/max. */
export function printSummary(s: Summary, metrics: readonly MetricDef[], files: readonly string[]): void {
  const lines = [
    `${s.scenario} · model ${s.model} · seed ${s.seed} · ${s.ticks} ticks · ${s.wallSeconds.toFixed(2)} s`,
    `fingerprint ${s.fingerprint}`,
    '',
  ];
  const width = Math.max(6, ...metrics.map((m) => m.name.length));
  lines.push(
    `${'metric'.padEnd(width)}  ${['final', 'mean', 'min', 'max'].map((h) => h.padStart(12)).join(' ')}  unit`,
  );
  const shown = metrics.slice(0, 30);
  for (const m of shown) {
    const v = s.metrics[m.name];
    const cells = [v.final, v.mean, v.min, v.max].map((x) => formatCell(x).padStart(12)).join(' ');
    lines.push(`${m.name.padEnd(width)}  ${cells}  ${m.unit}`);
  }
  if (metrics.length > shown.length)
    lines.push(`... and ${metrics.length - shown.length} more metrics in the files`);
  lines.push('', ...files.map((f) => `wrote ${f}`));
  process.stdout.write(lines.join('\n') + '\n');
}

function formatCell(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e11) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e7) ? x.toExponential(3) : x.toFixed(4);
}
