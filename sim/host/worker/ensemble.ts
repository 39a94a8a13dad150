import { meanInterval } from '../../stats/interval.js';
import type { Band, Interval } from './api.js';

/** Quantile of sorted values by linear interpolation between order statistics (type 7). */
function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Per-index mean and central `level` quantile band over series (the shortest length is used). */
export function quantileBand(series: readonly Float64Array[], level: number): Band {
  const length = series.length ? Math.min(...series.map((s) => s.length)) : 0;
  const mean = new Float64Array(length);
  const low = new Float64Array(length);
  const high = new Float64Array(length);
  const column = new Float64Array(series.length);
  const tail = (1 - level) / 2;
  for (let t = 0; t < length; t++) {
    let sum = 0;
    for (let k = 0; k < series.length; k++) sum += column[k] = series[k][t];
    column.sort();
    mean[t] = sum / series.length;
    low[t] = quantileSorted(column, tail);
    high[t] = quantileSorted(column, 1 - tail);
  }
  return { mean, low, high };
}

/** Mean and Student-t interval of each sample. */
export function sampleIntervals(samples: readonly (readonly number[])[], level: number): Interval[] {
  return samples.map((s) => meanInterval(s, level));
}
