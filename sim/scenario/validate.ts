import { parse as parseYaml, YAMLParseError } from 'yaml';
import { isLivePath, livePaths } from './live.js';
import type { ModelDefinition, ModelRegistry } from '../model.js';
import { getPath, withPath } from './paths.js';
import { InputError, problemsFromZod, show, type Problem } from './problems.js';
import type { Scenario, TimelineEvent } from './scenario.js';
import { scenarioFileSchema } from './schema.js';
import { fieldsAt } from './schema-fields.js';

/** A change to apply to the raw scenario before validation, e.g. from `--set params.agents=500`. */
export interface Override {
  readonly path: string;
  readonly value: unknown;
}

/** Parses a scenario file's text (YAML, of which JSON is a subset). */
export function parseScenarioText(text: string, source: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const [line, col] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [0, 0];
      const at = line ? `line ${line}, column ${col}` : '';
      throw new InputError(source, [
        {
          path: at,
          message: `not valid YAML or JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        },
      ]);
    }
    throw e;
  }
}

/** Checks a parsed scenario against the top-level schema, its model's params schema and its timeline. */
export function validateScenario(
  raw: unknown,
  registry: ModelRegistry,
  source = '',
  overrides: readonly Override[] = [],
): Scenario {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(source, [
      { path: '', message: `a scenario is a mapping of fields (got ${show(raw)})` },
    ]);
  }
  let input: unknown = raw;
  for (const o of overrides) input = withPath(input, o.path, o.value);

  const top = scenarioFileSchema.safeParse(input);
  if (!top.success) {
    throw new InputError(
      source,
      problemsFromZod(top.error, input, '', (p) => fieldsAt(scenarioFileSchema, p)),
    );
  }
  const file = top.data;
  const model = registry.get(file.model);
  if (!model) {
    const known = [...registry.keys()].join(', ');
    throw new InputError(source, [
      { path: 'model', message: `unknown model (known: ${known}) (got ${show(file.model)})` },
    ]);
  }
  const paramsResult = model.params.safeParse(file.params);
  if (!paramsResult.success) {
    const problems = problemsFromZod(paramsResult.error, file.params, 'params', (p) =>
      fieldsAt(model.params, p),
    );
    throw new InputError(source, problems);
  }
  const params = paramsResult.data as Record<string, unknown>;
  const timeline = file.timeline.map((e) => ({ at: e.at, set: normaliseSet(e.set) }));
  const problems = checkTimeline(timeline, model, params, file.ticks);
  if (problems.length) throw new InputError(source, problems);
  return { ...file, params, timeline };
}

function normaliseSet(set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(set))
    out[path.startsWith('params.') ? path.slice(7) : path] = value;
  return out;
}

/** Each event's tick lies within the run, each path names a param the model lets change, each value is valid. */
function checkTimeline(
  timeline: readonly TimelineEvent[],
  model: ModelDefinition<unknown>,
  params: Record<string, unknown>,
  ticks: number,
): Problem[] {
  const problems: Problem[] = [];
  const livePathsOfModel = livePaths(model.params);
  const live = livePathsOfModel.length ? livePathsOfModel.join(', ') : 'none';
  timeline.forEach((event, i) => {
    if (event.at > ticks) {
      problems.push({ path: `timeline.${i}.at`, message: `after the last tick, ${ticks} (got ${event.at})` });
    }
    for (const [path, value] of Object.entries(event.set)) {
      const where = `timeline.${i}.set.${path}`;
      if (getPath(params, path) === undefined) {
        problems.push({ path: where, message: `no such param (params: ${Object.keys(params).join(', ')})` });
      } else if (!isLivePath(livePathsOfModel, path)) {
        problems.push({ path: where, message: `cannot change during a run (may change: ${live})` });
      } else {
        const result = model.params.safeParse(withPath(params, path, value));
        if (!result.success) {
          for (const p of problemsFromZod(result.error, withPath(params, path, value), 'params')) {
            problems.push({ path: where, message: p.message });
          }
        }
      }
    }
  });
  return problems;
}
