import type { MetricDef } from '../sim/model.js';
import type { Frame } from '../sim/run/recorder.js';

/** The page's copy of a run's metrics: one preallocated column per metric, filled frame by frame. */
export class SeriesStore {
  readonly columns: Float64Array[];
  length = 0;

  constructor(
    readonly metrics: readonly MetricDef[],
    readonly ticks: number,
  ) {
    this.columns = metrics.map(() => new Float64Array(ticks));
  }

  /** Adds a frame (ticks from..to, 1-based). */
  append(frame: Frame): void {
    frame.columns.forEach((c, m) => this.columns[m].set(c, frame.from - 1));
    this.length = Math.max(this.length, frame.to);
  }

  index(name: string): number {
    return this.metrics.findIndex((m) => m.name === name);
  }
}
