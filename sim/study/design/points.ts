import type { ElementarySteps } from '../../stats/morris-effects.js';
import type { Factor, Level } from '../factors.js';
import type { DesignKind } from './spec.js';

/**
 * Saltelli's block layout of a Sobol' design (N base rows, d factors): points [0, N) are matrix A, [N, 2N)
 * matrix B, and [(2 + i) N, (3 + i) N) matrix AB_i (A with column i taken from B), row j of each block built
 * from row j of A and B.
 */
export interface SobolLayout {
  readonly base: number;
  readonly factors: number;
}

/**
 * Morris trajectories: trajectory t is points [t (d + 1), (t + 1)(d + 1)); its step k (from point k to point
 * k + 1 of the trajectory) moves factor `factor[t d + k]` by `step[t d + k]` (±Δ, in unit positions).
 */
export interface MorrisLayout extends ElementarySteps {
  readonly trajectories: number;
  /** p, the grid levels per factor. */
  readonly levels: number;
  /** Δ = p / (2 (p − 1)). */
  readonly delta: number;
}

/** The points of a design: a pure function of the design spec (with its seed) and the factors. */
export interface DesignPoints {
  readonly kind: DesignKind;
  readonly factors: readonly Factor[];
  /** Number of points. */
  readonly count: number;
  /**
   * Each point's coordinates, point-major (unit[p · d + f]): for random, lhs and sobol a sample u ∈ [0, 1)
   * (mapped by `sampledValue`), for grid and morris a position t ∈ [0, 1] (mapped by `positionedValue`).
   */
  readonly unit: Float64Array;
  /** Each point's factor values, in factor order: what the runs set. */
  readonly values: readonly (readonly Level[])[];
  /** The block layout the Sobol' analysis needs (sobol designs only). */
  readonly sobol: SobolLayout | null;
  /** The trajectories the Morris analysis needs (morris designs only). */
  readonly morris: MorrisLayout | null;
}
