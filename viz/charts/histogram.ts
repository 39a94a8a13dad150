import * as Plot from '@observablehq/plot';
import { describeHistogram } from './describe/distribution.js';
import { plotAria, plotDrawing } from './describe/text-alternative.js';
import { palette, plotFrame } from './palette.js';

export interface HistogramData {
  readonly title: string;
  /** Unit of the values on the x axis. */
  readonly unit: string;
  readonly binStart: Float64Array;
  readonly binWidth: number;
  readonly counts: Float64Array;
  /** Expected count per bin under a theoretical law, drawn as a line (optional). */
  readonly theory?: Float64Array;
  readonly theoryLabel?: string;
}

/** A histogram (Observable Plot) of counts per bin, with an optional theoretical curve over it. */
export function histogramChart(data: HistogramData): HTMLElement {
  const bars = Array.from(data.counts, (count, i) => ({
    x1: data.binStart[i],
    x2: data.binStart[i] + data.binWidth,
    count,
    theory: data.theory ? data.theory[i] : NaN,
  }));
  const marks: Plot.Markish[] = [
    Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'count', fill: palette[0], fillOpacity: 0.7, tip: true }),
    Plot.ruleY([0]),
  ];
  if (data.theory) {
    marks.push(
      Plot.line(bars, {
        x: (d: (typeof bars)[number]) => (d.x1 + d.x2) / 2,
        y: 'theory',
        stroke: palette[1],
        strokeWidth: 3,
      }),
    );
  }
  const plot = Plot.plot({
    ...plotFrame,
    ...plotAria(
      describeHistogram({ ...data, theoryLabel: data.theory ? (data.theoryLabel ?? 'theory') : undefined }),
    ),
    // SI prefixes (1M, 20k) keep wide ranges legible at projector font sizes.
    x: { label: `${data.unit} →`, tickFormat: '~s', ticks: 6 },
    y: { label: '↑ agents', grid: true },
    color: data.theory
      ? { legend: true, domain: ['simulated', data.theoryLabel ?? 'theory'], range: [palette[0], palette[1]] }
      : undefined,
    marks,
  });
  return figure(data.title, plot);
}

/**
 * Wraps an Observable Plot chart in a figure with its caption; its drawing becomes one image to assistive
 * technology, named by the text alternative given to Plot (`ariaLabel`).
 */
export function figure(title: string, chart: Element): HTMLElement {
  plotDrawing(chart).setAttribute('role', 'img');
  const fig = document.createElement('figure');
  fig.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  fig.append(caption, chart);
  return fig;
}
