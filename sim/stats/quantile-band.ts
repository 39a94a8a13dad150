import { quantileSorted } from './quantile.js';

/** Mean and central quantile band per index over an ensemble of series. */
export interface Band {
  readonly mean: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/**
 * Per-index mean and central `level` quantile band over series (e.g. 0.9: the 5% and 95% quantiles, type 7);
 * series of different lengths are cut to the shortest.
 */
export function quantileBand(series: readonly ArrayLike<number>[], level: number): Band {
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
