import * as Plot from '@observablehq/plot';
import { describeLorenz } from './describe/distribution.js';
import { plotAria } from './describe/text-alternative.js';
import { figure } from './histogram.js';
import { fontSize, palette } from './palette.js';

export interface LorenzData {
  readonly title: string;
  /** Points of the Lorenz curve as computed by the engine (`sim/stats/lorenz.ts`). */
  readonly population: Float64Array;
  readonly share: Float64Array;
  readonly gini: number;
}

/** The Lorenz curve against the line of equality (Observable Plot). */
export function lorenzChart(data: LorenzData): HTMLElement {
  const points = Array.from(data.population, (p, i) => ({ p, share: data.share[i] }));
  const plot = Plot.plot({
    width: 360,
    height: 320,
    marginLeft: 56,
    marginBottom: 44,
    style: { fontSize: `${fontSize}px` },
    ...plotAria(describeLorenz(data)),
    x: { label: 'share of agents, poorest first →', domain: [0, 1] },
    y: { label: '↑ share of wealth', domain: [Math.min(0, ...data.share), 1], grid: true },
    marks: [
      Plot.line(
        [
          { p: 0, share: 0 },
          { p: 1, share: 1 },
        ],
        { x: 'p', y: 'share', stroke: '#999', strokeDasharray: '4,4' },
      ),
      Plot.areaY(points, { x: 'p', y: 'share', fill: palette[0], fillOpacity: 0.15 }),
      Plot.line(points, { x: 'p', y: 'share', stroke: palette[0], strokeWidth: 3, tip: true }),
      Plot.text([`Gini ${data.gini.toFixed(3)}`], { frameAnchor: 'top-left', dx: 8, dy: 8 }),
    ],
  });
  return figure(data.title, plot);
}
