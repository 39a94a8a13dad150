import { checkInput } from '../scenario/parse-input.js';
import { describeRange, numberRange, type NumberRange } from '../scenario/number-range.js';
import { getPath, setPathProblem, withPath } from '../scenario/paths.js';
import { show, type Problem } from '../scenario/problems.js';
import { schemaAt } from '../scenario/schema-fields.js';
import type { z } from 'zod';
import type { Factor, FactorSpec, Level, RangeSpec } from './factors.js';

/** A share of a range that gives a value between whole numbers whatever the bounds (irrational, so never whole). */
const INSIDE = (3 - Math.sqrt(5)) / 2;

/**
 * Problems of one factor against a model, on the factor alone: a path that names no param, or values the model
 * refuses at its ends, between whole numbers, or among its levels. Each is said once, at `where` (the factor's
 * place in the study file), and for a range the model bounds, with what to change. It says why points were refused,
 * not whether they are: a design may never reach an end of a range that the model refuses (sampled designs stop
 * short of max). `params` are a policy's valid params (defaults filled in), `schema` its model's params schema.
 */
export function factorProblems(
  factor: Factor,
  where: string,
  params: Record<string, unknown>,
  schema: z.ZodType,
): Problem[] {
  const path = factor.path.slice('params.'.length);
  const bad = setPathProblem(params, path) ?? underValue(params, path);
  if (bad) return [{ path: where, message: `${bad} (got ${show(factor.path)})` }];
  const refused = probes(factor.spec).flatMap((value) =>
    checkInput(schema, withPath(params, path, value), 'params').problems.filter((p) =>
      relatedPaths(p.path, factor.path),
    ),
  );
  if (refused.length === 0) return [];
  const { spec } = factor;
  const sub = spec.kind === 'range' ? schemaAt(schema, path.split('.')) : null;
  const range = sub ? numberRange(sub) : null;
  const fixes = range && spec.kind === 'range' ? rangeFixes(spec, range) : [];
  if (range && spec.kind === 'range' && fixes.length) {
    const message = `the model takes ${describeRange(range)} here: ${fixes.join(', ')}`;
    return [{ path: where, message: `${message} (got ${show(written(spec))})` }];
  }
  return refused.map((p) => ({
    path: where,
    message: p.path === factor.path ? p.message : `${p.path}: ${p.message}`,
  }));
}

/** Why `path` cannot be set for reaching under a param that is one value (a number, a name…), or null. */
function underValue(params: Record<string, unknown>, path: string): string | null {
  const keys = path.split('.');
  for (let k = 1; k < keys.length; k++) {
    const value = getPath(params, keys.slice(0, k));
    if (value !== undefined && (value === null || typeof value !== 'object'))
      return `params.${keys.slice(0, k).join('.')} is one value, not a section: it has no field ${keys[k]}`;
  }
  return null;
}

/** The values to try: a range's ends and (unless whole numbers) a value between them; every level. */
function probes(spec: FactorSpec): Level[] {
  if (spec.kind === 'levels') return [...spec.levels];
  return spec.integer
    ? [spec.min, spec.max]
    : [spec.min, spec.max, spec.min + INSIDE * (spec.max - spec.min)];
}

/** A problem at `problemPath` is about the factor's param, one of the sections holding it, or a field inside it. */
export function relatedPaths(problemPath: string, factorPath: string): boolean {
  return (
    problemPath === factorPath ||
    factorPath.startsWith(`${problemPath}.`) ||
    problemPath.startsWith(`${factorPath}.`)
  );
}

/** What to change in a range factor for the model to take all of it (empty: the bounds are not the problem). */
function rangeFixes(spec: RangeSpec, range: NumberRange): string[] {
  const fixes: string[] = [];
  if (range.integer && !spec.integer) fixes.push('add integer: true');
  const { min, max } = range;
  if (min && (spec.min < min.value || (!min.inclusive && spec.min === min.value)))
    fixes.push(`raise min to ${min.inclusive ? '' : 'above '}${min.value}`);
  if (max && (spec.max > max.value || (!max.inclusive && spec.max === max.value)))
    fixes.push(`lower max to ${max.inclusive ? '' : 'below '}${max.value}`);
  return fixes;
}

/** A range factor as a study file writes it. */
function written(spec: RangeSpec): Record<string, unknown> {
  return {
    min: spec.min,
    max: spec.max,
    ...(spec.integer ? { integer: true } : {}),
    ...(spec.scale === 'log' ? { scale: 'log' } : {}),
  };
}
