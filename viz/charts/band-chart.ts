import * as Plot from '@observablehq/plot';
import { describeSeries } from './describe/series.js';
import { plotAria } from './describe/text-alternative.js';
import { figure } from './histogram.js';
import { palette, plotFrame } from './palette.js';

export interface BandSeries {
  readonly name: string;
  readonly mean: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** Overlaid ensemble means with their bands, one colour per policy (Observable Plot). */
export function bandChart(
  title: string,
  unit: string,
  bandLabel: string,
  series: readonly BandSeries[],
): HTMLElement {
  const rows = series.flatMap((s) =>
    Array.from(s.mean, (mean, i) => ({ policy: s.name, tick: i + 1, mean, low: s.low[i], high: s.high[i] })),
  );
  // A constant series (e.g. a conserved total) gets a visible range around its value.
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.low, r.mean);
    hi = Math.max(hi, r.high, r.mean);
  }
  const flat = lo === hi && Number.isFinite(lo);
  const pad = Math.max(1, Math.abs(lo) * 0.1);
  const ticks = Math.max(0, ...series.map((s) => s.mean.length));
  const described = series.map((s) => ({
    name: s.name,
    values: s.mean,
    band: { low: s.low, high: s.high, label: bandLabel },
  }));
  const plot = Plot.plot({
    ...plotFrame,
    ...plotAria(
      describeSeries({ title: `${title}, mean over seeds`, unit, series: described, n: ticks, ticks }),
    ),
    x: { label: 'tick (day) →' },
    y: { label: `↑ ${unit}`, grid: true, ...(flat ? { domain: [lo - pad, hi + pad] } : {}) },
    color: { legend: true, domain: series.map((s) => s.name), range: palette },
    marks: [
      Plot.areaY(rows, { x: 'tick', y1: 'low', y2: 'high', fill: 'policy', fillOpacity: 0.2 }),
      Plot.line(rows, { x: 'tick', y: 'mean', stroke: 'policy', strokeWidth: 2.5, tip: true }),
    ],
  });
  return figure(`${title} (mean, ${bandLabel})`, plot);
}
