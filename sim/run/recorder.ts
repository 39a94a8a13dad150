import type { MetricDef } from '../model.js';
import { Fingerprint } from './fingerprint.js';
import { EVERY_TICK, recordedCount, type Recording } from './recording.js';

/** A batch of recorded ticks, column-wise: what a file or a worker message carries. */
export interface Frame {
  /** First and last tick in the frame (inclusive). */
  readonly from: number;
  readonly to: number;
  /** One array per metric, in metric order, each of one value per recorded tick (to - from + 1 when every tick is). */
  readonly columns: Float64Array[];
  /** The ticks of the rows when not every tick is recorded (absent: from … to). */
  readonly ticks?: Int32Array;
}

export interface FrameSink {
  frame(frame: Frame): void;
}

export interface MetricSummary {
  final: number;
  mean: number;
  min: number;
  max: number;
}

/**
 * Keeps every metric column-wise in preallocated typed arrays (one row per recorded tick), feeds the
 * fingerprint, and hands a frame to the sink every `frameEvery` rows (decided by row count, so frames are the
 * same on every host).
 */
export class Recorder {
  readonly columns: Float64Array[];
  /** The tick of each recorded row. */
  readonly tickOf: Int32Array;
  private readonly fingerprint: Fingerprint;
  private recorded = 0;
  private flushedTo = 0;
  private digest: string | null = null;

  constructor(
    readonly metrics: readonly MetricDef[],
    readonly ticks: number,
    private readonly sink: FrameSink | null = null,
    private readonly frameEvery = 64,
    readonly recording: Recording = EVERY_TICK,
  ) {
    const rows = recordedCount(recording, ticks);
    this.columns = metrics.map(() => new Float64Array(rows));
    this.tickOf = new Int32Array(rows);
    this.fingerprint = new Fingerprint(metrics.map((m) => m.name));
  }

  /** Rows recorded so far. */
  get length(): number {
    return this.recorded;
  }

  /** Records the row of `tick` (ticks in increasing order; by default the next one). */
  record(row: Float64Array, tick = this.recorded + 1): void {
    const t = this.recorded;
    if (t >= this.tickOf.length) throw new Error('recorder is full');
    const columns = this.columns;
    for (let m = 0; m < columns.length; m++) columns[m][t] = row[m];
    this.tickOf[t] = tick;
    this.recorded = t + 1;
    this.fingerprint.add(tick, row);
    if (this.sink && this.recorded - this.flushedTo >= this.frameEvery) this.flush();
  }

  /** Sends what is not yet sent to the sink. */
  flush(): void {
    if (!this.sink || this.flushedTo === this.recorded) return;
    const from = this.flushedTo;
    const columns = this.columns.map((c) => c.slice(from, this.recorded));
    const ticks = this.tickOf.slice(from, this.recorded);
    const contiguous = ticks[ticks.length - 1] - ticks[0] === ticks.length - 1;
    this.sink.frame({
      from: ticks[0],
      to: ticks[ticks.length - 1],
      columns,
      ...(contiguous ? {} : { ticks }),
    });
    this.flushedTo = this.recorded;
  }

  /** The fingerprint of everything recorded; closes the recorder. */
  fingerprintHex(): string {
    if (this.digest === null) this.digest = this.fingerprint.digest();
    return this.digest;
  }

  /**
   * Final, mean, min and max of each metric over the recorded ticks (the rows kept). NaN marks a tick with no value (no trade, no
   * price...): `final` is the last tick's value, NaN included; `mean`, `min` and `max` are over the ticks that have
   * a value, and NaN when none has.
   */
  summary(): Record<string, MetricSummary> {
    const out: Record<string, MetricSummary> = {};
    const n = this.recorded;
    this.metrics.forEach((m, i) => {
      const c = this.columns[i];
      let sum = 0;
      let count = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let t = 0; t < n; t++) {
        const v = c[t];
        if (Number.isNaN(v)) continue;
        sum += v;
        count++;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      out[m.name] =
        count === 0
          ? { final: n === 0 ? NaN : c[n - 1], mean: NaN, min: NaN, max: NaN }
          : { final: c[n - 1], mean: sum / count, min, max };
    });
    return out;
  }
}
