import type { ParamEvent } from '../route.js';

/** What reproduces a run of a shipped scenario: the scenario, its seed and ticks, and what was changed in it. */
export interface RunLink {
  readonly scenario: string;
  readonly seed: string;
  readonly ticks: string;
  /** Params changed from the scenario file before the run (`set.<path>`). */
  readonly changed: ReadonlyMap<string, unknown>;
  /** Live changes made during the run, as the timeline events they became (`at.<tick>.<path>`). */
  readonly events: readonly ParamEvent[];
  /** Key controls the URL asked for (`controls=a,b`), or null for the scenario's own. */
  readonly controls?: readonly string[] | null;
}

/** The run's query (`scenario=…&seed=…&ticks=…&set.…&at.…`): what `RunView` reads back into the same run. */
export function runQuery(link: RunLink): URLSearchParams {
  const q = new URLSearchParams({ scenario: link.scenario, seed: link.seed, ticks: link.ticks });
  for (const [name, value] of link.changed) if (value !== undefined) q.set(`set.${name}`, String(value));
  for (const e of link.events) q.append(`at.${e.at}.${e.path}`, String(e.value));
  if (link.controls) q.set('controls', link.controls.join(','));
  return q;
}
