import { parseDocument } from 'yaml';
import { addTimelineEventInText } from '../controls/scenario-editor.js';
import { checkedWhole, overridesFrom, timelineFrom, type ParamEvent } from '../route.js';
import { DEFAULT_SCENARIO, scenarioTexts } from '../scenarios.js';

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

/** The run an address opens: a shipped scenario's text with the address's changes written in. */
export interface OpenedRun {
  readonly name: string;
  readonly text: string;
  /** From the address, when it gives them (else the file's). */
  readonly seed?: number;
  readonly ticks?: number;
  readonly changed: Map<string, unknown>;
  readonly events: ParamEvent[];
  readonly controls: readonly string[] | null;
  /** What the address asked for that cannot be, each said with what is shown instead (absent: nothing wrong). */
  readonly wrong: { readonly scenario?: string; readonly seed?: string; readonly ticks?: string };
}

/**
 * Reads what `runQuery` writes (and what a user typed): the scenario (the default one if it names none that is
 * shipped), its changed params and live changes written into its text, seed, ticks and key controls.
 */
export function openRun(query: URLSearchParams): OpenedRun {
  const wanted = query.get('scenario') ?? '';
  const name = scenarioTexts.has(wanted) ? wanted : DEFAULT_SCENARIO;
  let text = scenarioTexts.get(name) ?? '';
  const changed = new Map<string, unknown>();
  for (const o of overridesFrom(query)) {
    changed.set(o.path.replace(/^params\./, ''), o.value);
    const doc = parseDocument(text);
    doc.setIn(o.path.split('.'), o.value);
    text = doc.toString();
  }
  const events = timelineFrom(query);
  for (const e of events) text = addTimelineEventInText(text, e.at, e.path, e.value);
  const seed = checkedWhole(query, 'seed', 0);
  const ticks = checkedWhole(query, 'ticks', 1);
  const wrong = {
    scenario:
      wanted && !scenarioTexts.has(wanted) ? `no scenario named "${wanted}": showing ${name}` : undefined,
    seed: seed.wrong,
    ticks: ticks.wrong,
  };
  const controls = query.get('controls')?.split(',').filter(Boolean) ?? null;
  return { name, text, seed: seed.value, ticks: ticks.value, changed, events, controls, wrong };
}
