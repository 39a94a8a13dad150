import * as Plot from '@observablehq/plot';
import { describeFactorScatter } from './describe/scatter.js';
import { plotAria } from './describe/text-alternative.js';
import { figure } from './histogram.js';
import { palette, plotFrame } from './palette.js';

/** A metric against one factor: a dot per run, and the mean over each design point's runs. */
export interface FactorScatterData {
  readonly title: string;
  readonly factor: string;
  readonly metric: string;
  /** One per run: the factor's value (a number, or a level), the metric's final value, the run's design point. */
  readonly runs: readonly { readonly x: number | string; readonly y: number; readonly point: number }[];
}

/** Runs as small dots, each design point's mean over its seeds as a ring of another colour (runs stay visible). */
export function factorScatter(data: FactorScatterData): HTMLElement {
  const byPoint = new Map<number, { x: number | string; sum: number; n: number }>();
  for (const r of data.runs) {
    if (!Number.isFinite(r.y)) continue;
    const p = byPoint.get(r.point) ?? { x: r.x, sum: 0, n: 0 };
    p.sum += r.y;
    p.n++;
    byPoint.set(r.point, p);
  }
  const means = [...byPoint.values()].map((p) => ({ x: p.x, y: p.sum / p.n }));
  const numeric = data.runs.every((r) => typeof r.x === 'number');
  const plot = Plot.plot({
    ...plotFrame,
    ...plotAria(
      describeFactorScatter({
        title: data.title,
        factor: data.factor,
        metric: data.metric,
        runs: data.runs.length,
        means,
      }),
    ),
    x: { label: `${data.factor} →`, ...(numeric ? { tickFormat: '~s' } : { type: 'point' }) },
    y: { label: `↑ ${data.metric}`, grid: true, tickFormat: '~s' },
    marks: [
      Plot.dot(data.runs, {
        x: 'x',
        y: 'y',
        r: 2,
        fill: palette[0],
        fillOpacity: 0.5,
        className: 'run-dot',
      }),
      Plot.dot(means, {
        x: 'x',
        y: 'y',
        r: 3.5,
        stroke: palette[1],
        strokeWidth: 1.5,
        tip: true,
        className: 'mean-dot',
      }),
    ],
  });
  return figure(data.title, plot);
}
