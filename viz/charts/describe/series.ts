import { spoken, type TextAlternative } from './text-alternative.js';

/** One line of a time-series chart: values for ticks 1..n (tick t at index t-1), and its band if it has one. */
export interface DescribedSeries {
  readonly name: string;
  readonly values: ArrayLike<number>;
  /** A band around the line (e.g. 90% of seeds): its ends per tick, and what it is. */
  readonly band?: {
    readonly low: ArrayLike<number>;
    readonly high: ArrayLike<number>;
    readonly label: string;
  };
}

export interface SeriesChart {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly DescribedSeries[];
  /** Ticks recorded so far (the first n values of each series). */
  readonly n: number;
  /** Ticks the run will have (the x axis's end). */
  readonly ticks: number;
}

/**
 * A time-series chart in words: its title and unit, the ticks shown, and per line its latest value (with its band)
 * and its least and greatest values with their ticks.
 */
export function describeSeries(chart: SeriesChart): TextAlternative {
  const { title, unit, n, ticks } = chart;
  const head = `${title} (${unit})`;
  if (n === 0) return { label: `${head}: no ticks yet.` };
  const range = n === ticks ? `ticks 1 to ${n}` : `ticks 1 to ${n} of ${ticks}`;
  const lines = chart.series.map((s) => `${s.name}: ${lineInWords(s, n)}`);
  return { label: `${head}, ${range}. ${lines.join('; ')}.` };
}

/** A line's values over its first n ticks (fewer if it has fewer) in words. */
function lineInWords(s: DescribedSeries, recorded: number): string {
  const n = Math.min(recorded, s.values.length);
  let lo = -1;
  let hi = -1;
  for (let t = 0; t < n; t++) {
    const v = s.values[t];
    if (!Number.isFinite(v)) continue;
    if (lo < 0 || v < s.values[lo]) lo = t;
    if (hi < 0 || v > s.values[hi]) hi = t;
  }
  if (lo < 0) return 'no value';
  const band = s.band
    ? ` (${s.band.label} ${spoken(s.band.low[n - 1])} to ${spoken(s.band.high[n - 1])})`
    : '';
  const latest = `latest ${spoken(s.values[n - 1])}${band}`;
  if (s.values[lo] === s.values[hi]) return `${latest}, constant`;
  return `${latest}, min ${spoken(s.values[lo])} at tick ${lo + 1}, max ${spoken(s.values[hi])} at tick ${hi + 1}`;
}
