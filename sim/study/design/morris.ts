import type { Rng } from '../../random/rng.js';
import type { MorrisLayout } from './points.js';

/**
 * Morris' (1991) one-at-a-time trajectories on a p-level grid {0, 1/(p−1), …, 1}^d, with Δ = p / (2 (p − 1)):
 * each trajectory starts from a random base point whose coordinates lie in {0, …, 1 − Δ}, visits the factors
 * in a random order and moves each once, up (+Δ) or down (−Δ) at random (a down move starts the factor at
 * x + Δ). This is Morris' B* = (J x* + (Δ/2)((2B − J) D* + J)) P* written out step by step. r (d + 1) points.
 */
export function morrisUnit(
  trajectories: number,
  levels: number,
  d: number,
  rng: Rng,
): { unit: Float64Array; layout: MorrisLayout } {
  const jump = levels / 2; // Δ in grid levels
  const delta = jump / (levels - 1);
  const unit = new Float64Array(trajectories * (d + 1) * d);
  const factor = new Int32Array(trajectories * d);
  const step = new Float64Array(trajectories * d);
  const at = new Int32Array(d); // the current point, in grid levels
  const order = new Int32Array(d);
  for (let t = 0; t < trajectories; t++) {
    for (let f = 0; f < d; f++) order[f] = f;
    rng.shuffle(order);
    const up = new Uint8Array(d);
    for (let f = 0; f < d; f++) {
      up[f] = rng.nextU32() & 1;
      at[f] = rng.int(levels - jump) + (up[f] ? 0 : jump);
    }
    const first = t * (d + 1);
    write(unit, first, at, levels);
    for (let k = 0; k < d; k++) {
      const f = order[k];
      at[f] += up[f] ? jump : -jump;
      factor[t * d + k] = f;
      step[t * d + k] = up[f] ? delta : -delta;
      write(unit, first + k + 1, at, levels);
    }
  }
  return { unit, layout: { trajectories, levels, delta, factors: d, factor, step } };
}

function write(unit: Float64Array, point: number, at: Int32Array, levels: number): void {
  const d = at.length;
  for (let f = 0; f < d; f++) unit[point * d + f] = at[f] / (levels - 1);
}
