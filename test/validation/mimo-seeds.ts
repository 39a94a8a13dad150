import type { Override } from '../../sim/scenario/validate.js';
import { meanInterval } from '../../sim/stats/interval.js';
import { column, scenarioRun, small } from '../models/mimo/run-mimo.js';

/** The seeds every mimo validation runs on (paired: each setting sees the same seeds). */
export const SEEDS = [1, 2, 3, 4, 5];

/** A shipped scenario at `members` for `ticks` ticks, seed `seed`, with `extra` overrides. */
export function settings(seed: number, members: number, ticks: number, extra: Override[] = []): Override[] {
  return [...small(members, ticks), { path: 'seed', value: seed }, ...extra];
}

/** Runs a scenario and returns the mean of each metric over ticks [from, to). */
export function means(
  scenario: string,
  overrides: Override[],
  metrics: readonly string[],
  from: number,
  to: number,
): number[] {
  const run = scenarioRun(scenario, overrides);
  run.runToEnd();
  return metrics.map((m) => {
    const values = column(run, m);
    let sum = 0;
    for (let t = from; t < to; t++) sum += values[t];
    return sum / (to - from);
  });
}

/** Mean and 95% interval over seeds, for the record in the model card. */
export function summary(values: readonly number[]): string {
  const { mean, low, high } = meanInterval(values);
  return `${mean.toPrecision(4)} [${low.toPrecision(4)}, ${high.toPrecision(4)}]`;
}
