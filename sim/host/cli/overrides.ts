import { parseValueText } from '../../scenario/parse-text.js';
import type { Override } from '../../scenario/validate.js';
import { UsageError } from './usage-error.js';

/**
 * Turns `--set params.path=value` flags into overrides; the value is read as YAML (numbers, booleans, lists...)
 * under the rules of scenario files. The path itself is checked with the scenario (see `validateScenario`).
 */
export function parseSetFlags(flags: readonly string[]): Override[] {
  return flags.map((flag) => {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set ${flag}: expected params.<path>=<value>`);
    const path = flag.slice(0, eq).trim();
    if (!path.startsWith('params.') || path.length <= 7) {
      throw new UsageError(`--set ${flag}: the path must start with "params." (e.g. params.agents=500)`);
    }
    return { path, value: parseValueText(flag.slice(eq + 1), `--set ${path}`) };
  });
}

/** A whole-number flag such as --seed or --ticks, within [min, max]; undefined when not given. */
export function parseWholeFlag(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max} (got "${text}")`);
  return value;
}
