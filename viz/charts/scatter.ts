import * as Plot from '@observablehq/plot';
import { describeScatter } from './describe/scatter.js';
import { plotAria } from './describe/text-alternative.js';
import { figure } from './histogram.js';
import { palette, plotFrame } from './palette.js';

export interface ScatterData {
  readonly title: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly xLabel: string;
  readonly yLabel: string;
}

/** A scatter plot (Observable Plot) of y against x, one dot per point, with a tooltip. */
export function scatterChart(data: ScatterData): HTMLElement {
  const points = Array.from(data.x, (x, i) => ({ x, y: data.y[i] }));
  const plot = Plot.plot({
    ...plotFrame,
    ...plotAria(describeScatter(data)),
    x: { label: `${data.xLabel} →`, tickFormat: '~s' },
    y: { label: `↑ ${data.yLabel}`, grid: true, tickFormat: '~s' },
    marks: [
      Plot.dot(points, { x: 'x', y: 'y', r: 2.5, fill: palette[0], fillOpacity: 0.5, tip: true }),
      Plot.ruleY([0]),
    ],
  });
  return figure(data.title, plot);
}
