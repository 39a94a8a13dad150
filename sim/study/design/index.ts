import { stream } from '../../random/streams.js';
import { InputError, type Problem } from '../../scenario/problems.js';
import { positionedValue, sampledValue, type Factor, type Level } from '../factors.js';
import { gridPoints, gridProblems } from './grid.js';
import { SOBOL_MAX_DIMENSIONS } from './joe-kuo.js';
import { latinHypercubeUnit } from './lhs.js';
import { morrisUnit } from './morris.js';
import type { DesignPoints } from './points.js';
import { randomUnit } from './random.js';
import { saltelliUnit } from './saltelli.js';
import type { DesignSpec } from './spec.js';

export type { DesignPoints, MorrisLayout, SobolLayout } from './points.js';
export { designSpecSchema, type DesignKind, type DesignSpec } from './spec.js';
export { sobolBlocks } from './saltelli.js';

/** The most factors a Sobol' design takes: its sequence has two dimensions per factor. */
export const SOBOL_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/** The most points any design may have (a study of more runs is better split into several studies). */
export const DESIGN_MAX_POINTS = 10_000_000;

/**
 * What keeps this design from being built on these factors (empty: it can be), as problems at paths of the
 * study file (`design.…`). designPoints refuses the same things.
 */
export function designProblems(design: DesignSpec, factors: readonly Factor[]): Problem[] {
  const d = factors.length;
  if (d === 0) return [{ path: 'factors', message: 'a study needs at least one factor' }];
  switch (design.kind) {
    case 'grid':
      return gridProblems(factors, design.steps);
    case 'sobol':
      if (d > SOBOL_MAX_FACTORS) {
        return [
          {
            path: 'factors',
            message: `a sobol design takes at most ${SOBOL_MAX_FACTORS} factors (got ${d})`,
          },
        ];
      }
      return tooMany(design.samples * (d + 2));
    case 'morris':
      return tooMany(design.trajectories * (d + 1));
    default:
      return tooMany(design.samples);
  }
}

function tooMany(count: number): Problem[] {
  return count > DESIGN_MAX_POINTS
    ? [{ path: 'design', message: `${count} points, more than ${DESIGN_MAX_POINTS}` }]
    : [];
}

/**
 * The points of a design: a pure function of the design spec (its seed included) and the factors (their order
 * included). Randomness comes from the stream `design/<kind>` of the design's seed. Throws an InputError with
 * the problems of `designProblems` if the design cannot be built.
 */
export function designPoints(design: DesignSpec, factors: readonly Factor[]): DesignPoints {
  const problems = designProblems(design, factors);
  if (problems.length) throw new InputError('', problems);
  const d = factors.length;
  const rng = stream(design.seed, 0, `design/${design.kind}`);
  const base = { kind: design.kind, factors, sobol: null, morris: null };
  switch (design.kind) {
    case 'grid': {
      const { unit, values } = gridPoints(factors, design.steps);
      return { ...base, count: values.length, unit, values };
    }
    case 'random':
      return sampled(base, randomUnit(design.samples, d, rng));
    case 'lhs':
      return sampled(base, latinHypercubeUnit(design.samples, d, rng));
    case 'sobol': {
      const { unit, layout } = saltelliUnit(design.samples, d, design.scramble ? rng : null);
      return { ...sampled(base, unit), sobol: layout };
    }
    case 'morris': {
      const { unit, layout } = morrisUnit(design.trajectories, design.levels, d, rng);
      return {
        ...base,
        count: unit.length / d,
        unit,
        values: mapRows(unit, factors, positionedValue),
        morris: layout,
      };
    }
  }
}

function sampled(
  base: Pick<DesignPoints, 'kind' | 'factors' | 'sobol' | 'morris'>,
  unit: Float64Array,
): DesignPoints {
  const d = base.factors.length;
  return { ...base, count: unit.length / d, unit, values: mapRows(unit, base.factors, sampledValue) };
}

function mapRows(
  unit: Float64Array,
  factors: readonly Factor[],
  map: (spec: Factor['spec'], u: number) => Level,
): Level[][] {
  const d = factors.length;
  const rows: Level[][] = [];
  for (let p = 0; p < unit.length / d; p++) rows.push(factors.map((f, i) => map(f.spec, unit[p * d + i])));
  return rows;
}
