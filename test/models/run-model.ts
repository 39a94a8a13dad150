import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { registry as models } from '../../models/index.js';
import type { ModelRegistry } from '../../sim/model.js';
import { Run, type RunOptions } from '../../sim/run/run.js';
import { validateScenario, type Override } from '../../sim/scenario/validate.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A scenario written in a test: the fields of a scenario file; what is left out takes the file defaults. */
export interface InlineScenario {
  readonly model: string;
  readonly params?: Record<string, unknown>;
  readonly seed?: number;
  readonly ticks?: number;
  readonly timeline?: readonly unknown[];
}

/**
 * Validates a scenario written in a test exactly as a scenario file would be (defaults, refusals, timeline),
 * and returns its Run, not yet stepped. `registry` defaults to the shipped models.
 */
export function modelRun(
  scenario: InlineScenario,
  options: RunOptions = {},
  registry: ModelRegistry = models,
): Run {
  const valid = validateScenario({ name: 'test', ...scenario }, registry);
  return new Run(registry.get(valid.model)!, valid, options);
}

/** A shipped scenario (`scenarios/<name>.yaml`), changed by overrides, as a Run (not yet stepped). */
export function scenarioRun(name: string, overrides: Override[] = [], options: RunOptions = {}): Run {
  const raw = parse(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'));
  const scenario = validateScenario(raw, models, name, overrides);
  return new Run(models.get(scenario.model)!, scenario, options);
}

/** The recorded values of a metric, ticks 1 … run.tick. */
export function column(run: Run, metric: string): Float64Array {
  const i = run.metrics.findIndex((m) => m.name === metric);
  if (i < 0) throw new Error(`no metric ${metric}`);
  return run.recorder.columns[i].subarray(0, run.tick);
}
