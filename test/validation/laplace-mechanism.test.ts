/**
 * Validation of AIS's noise against the closed form of the Laplace mechanism.
 * Dwork, McSherry, Nissim & Smith (2006), "Calibrating noise to sensitivity in private data analysis", TCC;
 * Dwork & Roth (2014), "The Algorithmic Foundations of Differential Privacy", Def. 3.3 and Thm 3.6.
 * For X ~ Laplace(0, b): E[X] = 0, Var[X] = 2b^2, E[X^4] = 24b^4, P(|X| > t) = exp(-t/b).
 * Tolerances: 5 standard errors of each estimator for the sample size (a false alarm has p < 1e-6).
 */
import { describe, expect, it } from 'vitest';
import { laplaceRelease, laplaceScale } from '../../models/mimo/ais/privacy/laplace-mechanism.js';
import { aisParams } from '../../models/mimo/ais/privacy/params.js';
import {
  ProtectedStatistics,
  type AggregateQuery,
} from '../../models/mimo/ais/privacy/protected-statistics.js';
import { RecordLog } from '../../models/mimo/ais/privacy/record-log.js';
import { stream } from '../../sim/random/streams.js';

/** Checks mean, variance and three tail probabilities of `noise` against Laplace(0, b). */
function expectLaplace(noise: Float64Array, b: number): void {
  const n = noise.length;
  let sum = 0;
  let sq = 0;
  for (const x of noise) {
    sum += x;
    sq += x * x;
  }
  const mean = sum / n;
  const variance = sq / n - mean * mean;
  // se(mean) = sqrt(2 b^2 / n); se(variance) ~ sqrt((E[X^4] - Var^2) / n) = sqrt(20 b^4 / n).
  expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt((2 * b * b) / n));
  expect(Math.abs(variance - 2 * b * b)).toBeLessThan(5 * Math.sqrt((20 * b ** 4) / n));
  for (const t of [0.5 * b, b, 2 * b, 4 * b]) {
    let above = 0;
    for (const x of noise) if (Math.abs(x) > t) above++;
    const p = Math.exp(-t / b);
    expect(Math.abs(above / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  }
}

describe('Laplace mechanism (validation against the closed form)', () => {
  it('draws noise with mean 0, variance 2b^2 and tails exp(-t/b)', () => {
    const rng = stream(2026, 0, 'ais.noise');
    const b = laplaceScale(100, 0.5);
    expect(b).toBe(200);
    const noise = new Float64Array(200_000);
    for (let i = 0; i < noise.length; i++) noise[i] = laplaceRelease(rng, 1000, b) - 1000;
    expectLaplace(noise, b);
  });

  it('is the noise AIS adds to its released cells: scale clip / epsilon around the true clipped sum', () => {
    const params = aisParams.parse({ k: 2, epsilon: 0.8, budget: 1e4, clip: 40 });
    const members = 4;
    const query: AggregateQuery = {
      buyer: 'b',
      measure: 'hours',
      period: 'p',
      groups: ['g'],
      categories: ['c'],
    };
    const log = new RecordLog();
    for (let m = 0; m < members; m++) log.append(m, 0, 0, 10 + m); // true sum 46
    const noise = new Float64Array(40_000);
    const ais = new ProtectedStatistics(members, params.budget, stream(7, 0, 'ais.noise'));
    for (let i = 0; i < noise.length; i++) {
      if (i % 10_000 === 0) ais.startPeriod(); // 10,000 releases x 0.8 fit in a budget of 1e4
      const [cell] = ais.release(query, log, params).cells;
      expect(cell.noise_scale).toBe(50);
      noise[i] = cell.value - 46;
    }
    expectLaplace(noise, 50);
  });

  it('spends the budget by sequential composition: k releases of epsilon cost k x epsilon (Dwork & Roth Thm 3.16)', () => {
    const params = aisParams.parse({ k: 1, epsilon: 0.25, budget: 1 });
    const ais = new ProtectedStatistics(1, params.budget, stream(1, 0, 'ais.noise'));
    const log = new RecordLog();
    log.append(0, 0, 0, 1);
    const query: AggregateQuery = { buyer: 'b', measure: 'x', period: 'p', groups: ['g'], categories: ['c'] };
    const released = Array.from({ length: 6 }, () => ais.release(query, log, params).cells.length);
    expect(released).toEqual([1, 1, 1, 1, 0, 0]);
    expect(ais.budget.spentTotal[0]).toBe(1);
  });
});
