import { join } from 'node:path';
import { registry } from '../../models/index.js';
import { loadScenario } from '../../sim/host/node/load-scenario.js';
import type { Override } from '../../sim/scenario/validate.js';
import { Run } from '../../sim/run/run.js';
import { root } from './harness.js';

/**
 * The fingerprint Node computes, in this process, for a shipped scenario at a seed and ticks (and overrides such as
 * `{ path: 'params.agents', value: 500 }`): what `mimo run scenarios/<scenario>.yaml --seed S --ticks T` prints.
 */
export function nodeFingerprint(
  scenario: string,
  seed: number,
  ticks: number,
  overrides: readonly Override[] = [],
): string {
  const s = loadScenario(join(root, `scenarios/${scenario}.yaml`), registry, [
    ...overrides,
    { path: 'seed', value: seed },
    { path: 'ticks', value: ticks },
  ]);
  return new Run(registry.get(s.model)!, s).runToEnd().fingerprint;
}
