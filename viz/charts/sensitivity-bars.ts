import * as Plot from '@observablehq/plot';
import { describeRanking } from './describe/ranking.js';
import { plotAria } from './describe/text-alternative.js';
import { figure } from './histogram.js';
import { fontSize, palette } from './palette.js';

/** One bar: an index of one factor, with its interval when it has one (NaN ends: none). */
export interface SensitivityBar {
  readonly factor: string;
  /** The index's name: ST, S1 (Sobol') or mu_star, sigma (Morris). */
  readonly index: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Horizontal bars of each factor's indices (grouped by factor, in the order given: most influential first), each
 * with its 95% interval as a line across the bar's end.
 */
export function sensitivityBars(title: string, bars: readonly SensitivityBar[]): HTMLElement {
  const factors = [...new Set(bars.map((b) => b.factor))];
  const indices = [...new Set(bars.map((b) => b.index))];
  const intervals = bars.filter((b) => Number.isFinite(b.low) && Number.isFinite(b.high));
  const plot = Plot.plot({
    width: 560,
    height: 40 + factors.length * (18 * indices.length + 14),
    // Room for the longest factor name at the chart's text size (about 0.62 em a character, wide letters
    // such as the m of `params.` included), beside the facet axis's own padding.
    marginLeft: 20 + Math.ceil(0.62 * fontSize * Math.max(...factors.map((f) => f.length))),
    marginBottom: 44,
    style: { fontSize: `${fontSize}px` },
    ...plotAria(describeRanking(title, bars)),
    fy: { domain: factors, label: null, padding: 0.2 },
    y: { domain: indices, axis: null },
    x: { label: 'index →', grid: true },
    color: { domain: indices, range: palette.slice(0, indices.length), legend: true },
    marks: [
      Plot.barX(bars, { fy: 'factor', y: 'index', x: 'value', fill: 'index', tip: true }),
      Plot.ruleY(intervals, { fy: 'factor', y: 'index', x1: 'low', x2: 'high', stroke: 'black' }),
      Plot.tickX(intervals, { fy: 'factor', y: 'index', x: 'low', stroke: 'black' }),
      Plot.tickX(intervals, { fy: 'factor', y: 'index', x: 'high', stroke: 'black' }),
      Plot.ruleX([0]),
    ],
  });
  return figure(title, plot);
}
