import type { SeriesStore } from '../series-store.js';

/** Reads a finished (or running) run's metrics, for a presenter's answer. */
export interface RunReader {
  /** Ticks recorded so far. */
  readonly ticks: number;
  /** The metric's value at `tick` (default: the last recorded). */
  at(metric: string, tick?: number): number;
  /** Mean of the metric over ticks from..to (inclusive, clamped to what was recorded). */
  mean(metric: string, from: number, to: number): number;
}

/** A reader of the metrics `store` holds (ticks 1 … its length). */
export function readerOf(store: SeriesStore): RunReader {
  const column = (metric: string) => {
    const i = store.index(metric);
    if (i < 0) throw new Error(`the run has no metric ${metric}`);
    return store.columns[i];
  };
  return {
    ticks: store.length,
    at: (metric, tick = store.length) => column(metric)[Math.max(1, Math.min(store.length, tick)) - 1],
    mean: (metric, from, to) => {
      const c = column(metric);
      const a = Math.max(1, from);
      const b = Math.min(store.length, to);
      let sum = 0;
      for (let t = a; t <= b; t++) sum += c[t - 1];
      return b >= a ? sum / (b - a + 1) : NaN;
    },
  };
}
