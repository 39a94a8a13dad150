import { parse as parseYaml } from 'yaml';
import type { Override } from '../../scenario/validate.js';
import { UsageError } from './usage-error.js';

/** Turns `--set params.path=value` flags into overrides; the value is read as YAML (numbers, booleans, lists...). */
export function parseSetFlags(flags: readonly string[]): Override[] {
  return flags.map((flag) => {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set ${flag}: expected params.<path>=<value>`);
    const path = flag.slice(0, eq).trim();
    if (!path.startsWith('params.') || path.length <= 7) {
      throw new UsageError(`--set ${flag}: the path must start with "params." (e.g. params.agents=500)`);
    }
    let value: unknown;
    try {
      value = parseYaml(flag.slice(eq + 1));
    } catch {
      value = flag.slice(eq + 1);
    }
    return { path, value };
  });
}

/** A whole number flag such as --seed or --ticks. */
export function parseWholeFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name}: expected a whole number (got "${text}")`);
  return Number(text);
}
