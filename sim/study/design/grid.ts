import type { Problem } from '../../scenario/problems.js';
import { positionedValue, type Factor, type Level } from '../factors.js';

/** The most points a grid may have. */
export const GRID_MAX_POINTS = 10_000_000;

/** Steps per range factor: one number for all, or by factor path. */
export type GridSteps = number | Readonly<Record<string, number>> | undefined;

/** One factor's values on a grid, each with its position t in [0, 1]. */
interface Axis {
  readonly positions: number[];
  readonly values: Level[];
}

/** The values each factor takes on the grid, or the problems that keep it from being built. */
function axes(factors: readonly Factor[], steps: GridSteps): { axes: Axis[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (steps !== undefined && typeof steps !== 'number') {
    for (const path of Object.keys(steps)) {
      const factor = factors.find((f) => f.path === path);
      if (!factor) problems.push({ path: `design.steps.${path}`, message: 'not one of the factors' });
      else if (factor.spec.kind === 'levels') {
        problems.push({ path: `design.steps.${path}`, message: 'a levels factor takes all its levels' });
      }
    }
  }
  const result = factors.map(({ path, spec }): Axis => {
    if (spec.kind === 'levels') {
      const n = spec.levels.length;
      return { positions: spec.levels.map((_, k) => (n === 1 ? 0 : k / (n - 1))), values: [...spec.levels] };
    }
    const wholes = spec.integer ? spec.max - spec.min + 1 : Infinity;
    const s = (typeof steps === 'number' ? steps : steps?.[path]) ?? (spec.integer ? wholes : undefined);
    if (s === undefined) {
      problems.push({
        path: 'design.steps',
        message: `a grid needs steps for the range factor ${path} (e.g. steps: 5)`,
      });
      return { positions: [], values: [] };
    }
    if (s > wholes) {
      problems.push({
        path: 'design.steps',
        message: `${path} has only ${wholes} whole numbers from ${spec.min} to ${spec.max} (got ${s} steps)`,
      });
      return { positions: [], values: [] };
    }
    // On a log scale rounding may merge neighbouring steps into one whole number: each value is kept once.
    const axis: Axis = { positions: [], values: [] };
    for (let k = 0; k < s; k++) {
      const t = k / (s - 1);
      const value = positionedValue(spec, t);
      if (axis.values.length && axis.values[axis.values.length - 1] === value) continue;
      axis.positions.push(t);
      axis.values.push(value);
    }
    return axis;
  });
  if (problems.length === 0) {
    const count = result.reduce((n, a) => n * a.values.length, 1);
    if (count > GRID_MAX_POINTS) {
      problems.push({
        path: 'design',
        message: `the grid has ${count} points, more than ${GRID_MAX_POINTS}: use fewer steps, or a sampled design`,
      });
    }
  }
  return { axes: result, problems };
}

/** What keeps a grid of these factors from being built (none: it can be). */
export function gridProblems(factors: readonly Factor[], steps: GridSteps): Problem[] {
  return axes(factors, steps).problems;
}

/**
 * The full factorial: every combination of every factor's values, the first factor varying slowest (as nested
 * loops with the last factor innermost). Positions (t in [0, 1]) point-major, and each point's values.
 */
export function gridPoints(
  factors: readonly Factor[],
  steps: GridSteps,
): { unit: Float64Array; values: Level[][] } {
  const { axes: all, problems } = axes(factors, steps);
  if (problems.length) throw new RangeError(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const d = factors.length;
  const count = all.reduce((n, a) => n * a.values.length, 1);
  const unit = new Float64Array(count * d);
  const values: Level[][] = [];
  const index = new Int32Array(d);
  for (let p = 0; p < count; p++) {
    const row: Level[] = [];
    for (let f = 0; f < d; f++) {
      unit[p * d + f] = all[f].positions[index[f]];
      row.push(all[f].values[index[f]]);
    }
    values.push(row);
    // Odometer: the last factor turns fastest.
    for (let f = d - 1; f >= 0; f--) {
      if (++index[f] < all[f].values.length) break;
      index[f] = 0;
    }
  }
  return { unit, values };
}
