import type { ModelRegistry } from '../model.js';
import { distinctProblems, InputError, type Problem } from '../scenario/problems.js';
import { validateScenario, type Override } from '../scenario/validate.js';
import type { DesignPoints } from './design/index.js';
import { factorProblems, relatedPaths } from './factor-checks.js';
import type { Factor } from './factors.js';
import { pointOverrides } from './overrides.js';

/** A scenario of a study, read and valid with the study's fixed overrides. */
export interface PointPolicy {
  /** As written in the study file. */
  readonly file: string;
  /** Where it was read from (the source of its problems). */
  readonly path: string;
  /** Its parsed text. */
  readonly raw: unknown;
}

/** At most this many problems of individual points are listed. */
const POINT_PROBLEMS = 10;

/**
 * What keeps the design's points from running on every policy (empty: nothing), as problems of the study file.
 * A refusal at a factor's param is said once, at the factor (`factors.params.x: …`, with the model's bounds where
 * it can), however many points it refuses; only what no factor explains alone (factors refused together, a point's
 * section) is listed point by point, at most `POINT_PROBLEMS` lines.
 */
export function pointProblems(
  points: DesignPoints,
  policies: readonly PointPolicy[],
  fixed: readonly Override[],
  registry: ModelRegistry,
): Problem[] {
  // The point lines in order, each with the (factor, policy) pairs it is about (none: no factor explains it): at
  // most POINT_PROBLEMS per pair, since the lines of a factor that explains itself are dropped.
  const kept = new Map<string, number>();
  const lines: { keys: string[]; problem: Problem }[] = [];
  for (let p = 0; p < points.count; p++) {
    const overrides = [...fixed, ...pointOverrides(points, p)];
    policies.forEach((policy, i) => {
      for (const q of scenarioProblems(policy, registry, overrides)) {
        const keys = points.factors.flatMap((f, k) => (relatedPaths(q.path, f.path) ? [`${k} ${i}`] : []));
        const counts = (keys.length ? keys : ['']).map((key) => kept.get(key) ?? 0);
        if (Math.min(...counts) >= POINT_PROBLEMS) continue;
        (keys.length ? keys : ['']).forEach((key, j) => kept.set(key, counts[j] + 1));
        const path = `factors (point ${p}, ${policy.file}): ${q.path}`;
        lines.push({ keys, problem: { path, message: q.message } });
      }
    });
  }
  const explained = new Set<string>();
  const atFactors = [...kept.keys()]
    .filter((key) => key !== '')
    .flatMap((key) => {
      const [f, i] = key.split(' ').map(Number);
      const found = factorAlone(points.factors[f], policies, i, fixed, registry);
      if (found.length) explained.add(key);
      return found;
    });
  const atPoints = lines.filter((l) => !l.keys.some((key) => explained.has(key))).map((l) => l.problem);
  return distinctProblems([...atFactors, ...atPoints.slice(0, POINT_PROBLEMS)]);
}

/** The problems of one factor on one policy, checked alone (see `factorProblems`). */
function factorAlone(
  factor: Factor,
  policies: readonly PointPolicy[],
  i: number,
  fixed: readonly Override[],
  registry: ModelRegistry,
): Problem[] {
  const policy = policies[i];
  const scenario = validateScenario(policy.raw, registry, policy.path, fixed);
  const where = `factors.${factor.path}${policies.length > 1 ? ` (${policy.file})` : ''}`;
  return factorProblems(factor, where, scenario.params, registry.get(scenario.model)!.params);
}

function scenarioProblems(
  policy: PointPolicy,
  registry: ModelRegistry,
  overrides: readonly Override[],
): readonly Problem[] {
  try {
    validateScenario(policy.raw, registry, policy.path, overrides);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems;
  }
}
