import { parse as parseYaml } from 'yaml';
import type { Override } from '../sim/scenario/validate.js';

/** A parsed hash route: `#/run?scenario=x&seed=1` gives view `run` and its query. */
export interface Route {
  readonly view: string;
  readonly query: URLSearchParams;
}

/** Reads `location.hash`. */
export function currentRoute(hash = location.hash): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const view = (q < 0 ? text : text.slice(0, q)) || 'run';
  return { view, query: new URLSearchParams(q < 0 ? '' : text.slice(q + 1)) };
}

/** A whole number from the query, or undefined. */
export function wholeParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * A whole number of at least `min` from the query: `value` when it is one; when the query holds something else
 * there, `wrong` says what and what is allowed (e.g. `seed "abc" is not allowed (a whole number, 0 or more)`).
 */
export function checkedWhole(
  query: URLSearchParams,
  name: string,
  min: number,
): { value?: number; wrong?: string } {
  const raw = query.get(name);
  if (raw === null) return {};
  const value = wholeParam(query, name);
  if (value !== undefined && value >= min) return { value };
  return { wrong: `${name} "${raw}" is not allowed (a whole number, ${min} or more)` };
}

/** Overrides from `<prefix><path>=<value>` entries (value read as YAML, like the CLI's --set). */
export function overridesFrom(query: URLSearchParams, prefix = 'set.'): Override[] {
  const out: Override[] = [];
  for (const [key, raw] of query) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    out.push({ path: rest.startsWith('params.') ? rest : `params.${rest}`, value: yamlValue(raw) });
  }
  return out;
}

/** A timeline event of one param, as a live change during a run writes it: at tick `at`, `path` takes `value`. */
export interface ParamEvent {
  readonly at: number;
  /** The param's dotted path, without `params.`. */
  readonly path: string;
  readonly value: unknown;
}

/** Timeline events from `at.<tick>.<path>=<value>` entries, in the query's order (value read as YAML). */
export function timelineFrom(query: URLSearchParams): ParamEvent[] {
  const out: ParamEvent[] = [];
  for (const [key, raw] of query) {
    const found = /^at\.(\d+)\.(?:params\.)?(.+)$/.exec(key);
    if (found) out.push({ at: Number(found[1]), path: found[2], value: yamlValue(raw) });
  }
  return out;
}

/** A URL value read as YAML (numbers, booleans, lists...), else the text itself. */
function yamlValue(raw: string): unknown {
  try {
    return parseYaml(raw);
  } catch {
    return raw;
  }
}
