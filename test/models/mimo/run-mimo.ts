import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { registry } from '../../../models/index.js';
import { Run, type RunOptions } from '../../../sim/run/run.js';
import { validateScenario, type Override } from '../../../sim/scenario/validate.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** A shipped scenario, shrunk for tests by overrides, as a Run (not yet stepped). */
export function scenarioRun(name: string, overrides: Override[] = [], options: RunOptions = {}): Run {
  const raw = parse(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'));
  const scenario = validateScenario(raw, registry, name, overrides);
  return new Run(registry.get(scenario.model)!, scenario, options);
}

/** The recorded column of a metric. */
export function column(run: Run, metric: string): Float64Array {
  const i = run.metrics.findIndex((m) => m.name === metric);
  if (i < 0) throw new Error(`no metric ${metric}`);
  return run.recorder.columns[i].subarray(0, run.tick);
}

export const small = (members: number, ticks: number): Override[] => [
  { path: 'params.members', value: members },
  { path: 'ticks', value: ticks },
];
