import { isLivePath, livePaths } from './live.js';
import type { ModelDefinition, ModelRegistry } from '../model.js';
import { documentProblems } from './document-checks.js';
import { LIMITS } from './limits.js';
import { getPath, pathProblem, setPathProblem, withPath } from './paths.js';
import { InputError, problemsFromZod, show, type Problem } from './problems.js';
import type { Scenario, TimelineEvent } from './scenario.js';
import { scenarioFileSchema, type ScenarioFile } from './schema.js';
import { checkInput, parseInput } from './parse-input.js';

export { parseScenarioText } from './parse-text.js';

/** A change to apply to the raw scenario before validation, e.g. from `--set params.agents=500`. */
export interface Override {
  readonly path: string;
  readonly value: unknown;
}

/**
 * Checks a parsed scenario against the top-level schema, its model's params schema and its timeline, and applies
 * overrides: `seed`, `ticks` (any top-level field) to the file, `params.<path>` to the params with their defaults
 * filled in (as a timeline event does), so `--set params.groups.0.creditLimit=5` reaches a default group too.
 * Also refuses what no run could hold: more values than `LIMITS.recordedValues`.
 */
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
  const shape = documentProblems(raw);
  if (shape.length) throw new InputError(source, shape);
  const overrideProblems = overrides.flatMap((o) => {
    const problem = pathProblem(o.path) ?? documentProblems(o.value)[0]?.message ?? null;
    return problem ? [{ path: o.path, message: problem }] : [];
  });
  if (overrideProblems.length) throw new InputError(source, overrideProblems);
  const onParams = overrides.filter((o) => o.path.startsWith('params.'));
  let input: unknown = raw;
  for (const o of overrides) if (!o.path.startsWith('params.')) input = withPath(input, o.path, o.value);

  const checked = checkFile(input as Record<string, unknown>, registry, source);
  const { file, model } = checked;
  let params = checked.params;
  if (onParams.length) {
    for (const o of onParams) {
      const path = o.path.slice('params.'.length);
      const problem = setPathProblem(params, path);
      if (problem) throw new InputError(source, [{ path: o.path, message: problem }]);
      params = withPath(params, path, o.value);
    }
    params = checkParams(model, params, source);
  }
  const timeline = file.timeline.map((e) => ({ at: e.at, set: normaliseSet(e.set) }));
  const controls = file.controls.map(withoutParamsPrefix);
  const problems = [
    ...checkTimeline(timeline, model, params, file.ticks),
    ...checkControls(controls, params),
  ];
  if (problems.length) throw new InputError(source, problems);
  const metrics = model.metrics(params).length;
  if (metrics * file.ticks > LIMITS.recordedValues) {
    const most = Math.floor(LIMITS.recordedValues / Math.max(1, metrics));
    throw new InputError(source, [
      {
        path: 'ticks',
        message: `too long to keep in memory: ${metrics} metrics × ${file.ticks} ticks is more than ${LIMITS.recordedValues} values (at most ${most} ticks here)`,
      },
    ]);
  }
  return { ...file, params, timeline, controls };
}

/**
 * The file's top-level fields and its params (defaults filled in), or an InputError naming every problem of both at
 * once. The params can be checked only against a known model: when `model` is bad, that comes with the other
 * top-level problems alone.
 */
function checkFile(
  input: Record<string, unknown>,
  registry: ModelRegistry,
  source: string,
): { file: ScenarioFile; model: ModelDefinition<unknown>; params: Record<string, unknown> } {
  const top = checkInput(scenarioFileSchema, input);
  const problems = top.problems;
  const name = input.model;
  const model = typeof name === 'string' ? registry.get(name) : undefined;
  // A missing, empty or non-text model is the schema's problem, already listed.
  if (typeof name === 'string' && name !== '' && !model) {
    const known = [...registry.keys()].join(', ');
    problems.push({ path: 'model', message: `unknown model (known: ${known}) (got ${show(name)})` });
  }
  const raw = input.params ?? {};
  const checkable = model && raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const params = checkable ? checkInput(model.params, raw, 'params') : undefined;
  if (params) problems.push(...params.problems);
  if (problems.length || !top.value || !model || !params?.value) throw new InputError(source, problems);
  return { file: top.value, model, params: params.value as Record<string, unknown> };
}

/** The params with their defaults filled in, or an InputError naming every bad one. */
function checkParams(
  model: ModelDefinition<unknown>,
  params: unknown,
  source: string,
): Record<string, unknown> {
  return parseInput(model.params, params, source, 'params') as Record<string, unknown>;
}

function withoutParamsPrefix(path: string): string {
  return path.startsWith('params.') ? path.slice(7) : path;
}

function normaliseSet(set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(set)) out[withoutParamsPrefix(path)] = value;
  return out;
}

/** Each key control names one param (a value, not a section) of the model, once. */
function checkControls(controls: readonly string[], params: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  controls.forEach((path, i) => {
    const where = `controls.${i}`;
    const bad = pathProblem(path);
    const value = bad ? undefined : getPath(params, path);
    if (bad) problems.push({ path: where, message: `${bad} (got ${show(path)})` });
    else if (value === undefined)
      problems.push({
        path: where,
        message: `no such param (params: ${Object.keys(params).join(', ')}) (got ${show(path)})`,
      });
    else if (value !== null && typeof value === 'object')
      problems.push({
        path: where,
        message: `a section, not one param: name one of its fields (got ${show(path)})`,
      });
    else if (controls.indexOf(path) !== i)
      problems.push({ path: where, message: `listed twice (got ${show(path)})` });
  });
  return problems;
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
      problems.push({
        path: `timeline.${i}.at`,
        message: `after the last tick, ${ticks}, so it would never happen: run at least ${event.at} ticks, or remove the event (got ${event.at})`,
      });
    }
    for (const [path, value] of Object.entries(event.set)) {
      const where = `timeline.${i}.set.${path}`;
      const bad = pathProblem(path);
      if (bad) {
        problems.push({ path: where, message: bad });
      } else if (getPath(params, path) === undefined) {
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
