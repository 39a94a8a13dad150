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

/** Overrides from `<prefix><path>=<value>` entries (value read as YAML, like the CLI's --set). */
export function overridesFrom(query: URLSearchParams, prefix = 'set.'): Override[] {
  const out: Override[] = [];
  for (const [key, raw] of query) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const path = rest.startsWith('params.') ? rest : `params.${rest}`;
    let value: unknown;
    try {
      value = parseYaml(raw);
    } catch {
      value = raw;
    }
    out.push({ path, value });
  }
  return out;
}
