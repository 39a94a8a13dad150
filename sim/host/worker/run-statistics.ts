import type { Run } from '../../run/run.js';
import { distributionOf } from '../../stats/distribution.js';
import { meanInterval } from '../../stats/interval.js';
import { quantileBand } from '../../stats/quantile-band.js';
import type { Band, Distribution, Interval, RunStatisticsApi, Snapshot } from './api.js';
import type { Transfer } from './transfer.js';

/**
 * Statistics in the worker, so a page only draws: per-agent snapshots and their distributions, the recorded
 * columns of the open run, and bands and intervals over ensembles (all from `sim/stats`). Arrays are moved.
 */
export class RunStatistics implements RunStatisticsApi {
  constructor(
    private readonly runs: { current(): Run },
    private readonly transfer: Transfer,
  ) {}

  snapshot(): Snapshot {
    const run = this.runs.current();
    const arrays: Record<string, Float64Array> = {};
    for (const [name, values] of Object.entries(run.snapshot())) arrays[name] = Float64Array.from(values);
    return this.transfer(
      { tick: run.tick, arrays },
      Object.values(arrays).map((a) => a.buffer),
    );
  }

  distribution(name: string, bins = 40, lorenzPoints = 101): Distribution | null {
    const run = this.runs.current();
    const values = run.snapshot()[name];
    if (!values) return null;
    const d = { tick: run.tick, ...distributionOf(values, bins, lorenzPoints) };
    return this.transfer(d, [
      d.binStart.buffer,
      d.counts.buffer,
      d.lorenzPopulation.buffer,
      d.lorenzShare.buffer,
    ]);
  }

  columns(): Float64Array[] {
    const run = this.runs.current();
    const cols = run.recorder.columns.map((c) => c.slice(0, run.tick));
    return this.transfer(
      cols,
      cols.map((c) => c.buffer),
    );
  }

  band(series: Float64Array[], level = 0.9): Band {
    const b = quantileBand(series, level);
    return this.transfer(b, [b.mean.buffer, b.low.buffer, b.high.buffer]);
  }

  intervals(samples: number[][], level = 0.95): Interval[] {
    return samples.map((s) => meanInterval(s, level));
  }
}
