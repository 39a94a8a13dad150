import type { Override } from '../scenario/validate.js';
import type { DesignPoints } from './design/points.js';

/**
 * What a design point sets in the base scenario: one override per factor (path from the root of the scenario
 * file, e.g. `params.x1`), to pass to `validateScenario(raw, registry, source, [...fixed, ...these])` exactly as
 * `--set` flags are. Factor values come after the study's fixed `set`, so a factor wins over a fixed value.
 */
export function pointOverrides(design: DesignPoints, point: number): Override[] {
  const values = design.values[point];
  if (values === undefined) throw new RangeError(`no point ${point} in a design of ${design.count}`);
  return design.factors.map((f, i) => ({ path: f.path, value: values[i] }));
}

/**
 * The `--set` flags that reproduce a design point with `mimo run`: `params.x1=0.25`. Values are written as JSON,
 * which `--set` reads back (as YAML) to the same value, every double to the same bits. Quote them for a shell.
 */
export function pointSetFlags(design: DesignPoints, point: number): string[] {
  return pointOverrides(design, point).map((o) => `${o.path}=${JSON.stringify(o.value)}`);
}
