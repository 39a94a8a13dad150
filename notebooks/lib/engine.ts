// The engine in the notebook's own process: the repository's TypeScript sources, the code `mimo run` is built
// from. A scenario file is read and validated exactly as the CLI reads it (loadScenario), then run by sim/run.
import { fileURLToPath } from 'node:url';
import { registry } from '../../models/index.ts';
import { loadScenario } from '../../sim/host/node/load-scenario.ts';
import type { RunOptions } from '../../sim/run/run.ts';
import { Run } from '../../sim/run/run.ts';
import type { Scenario } from '../../sim/scenario/scenario.ts';

export { registry, Run };

/** The repository's root folder (this file is notebooks/lib/engine.ts). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Overrides as `mimo run --set` takes them, by dotted path: `{ 'params.members': 3000, seed: 2 }`. */
export type Settings = Readonly<Record<string, unknown>>;

/** A shipped scenario (`scenarios/<name>.yaml`) with `settings` applied, validated as the CLI validates it. */
export function scenario(name: string, settings: Settings = {}): Scenario {
  const overrides = Object.entries(settings).map(([path, value]) => ({ path, value }));
  return loadScenario(`${ROOT}scenarios/${name}.yaml`, registry, overrides);
}

/** A Run of the scenario, not yet stepped. */
export function open(s: Scenario, options: RunOptions = {}): Run {
  return new Run(registry.get(s.model)!, s, options);
}

/** Runs the scenario to its end and returns the Run (its recorded columns, summary and fingerprint). */
export function run(s: Scenario, options: RunOptions = {}): Run {
  const r = open(s, options);
  r.runToEnd();
  return r;
}

/** The recorded values of a metric, ticks 1 … run.tick (every tick recorded). */
export function column(r: Run, metric: string): Float64Array {
  const i = r.metrics.findIndex((m) => m.name === metric);
  if (i < 0) throw new Error(`no metric ${metric} (metrics: ${r.metrics.map((m) => m.name).join(', ')})`);
  return r.recorder.columns[i].subarray(0, r.tick);
}

/** Seconds since `start` (from performance.now()), for the timings a notebook prints. */
export function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}
