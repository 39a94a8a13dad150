import { describe, expect, it } from 'vitest';
import { distributionOf } from '../../sim/stats/distribution.js';
import { geometricExpected } from '../../viz/dashboards/kinetic-exchange.js';
import { modelRun } from '../models/run-model.js';

// The theory curve of the kinetic-exchange histogram: Dragulescu & Yakovenko (2000), conserved money exchanged
// in unit steps with no debt relaxes to the Boltzmann-Gibbs law, for integer wealth the geometric law
// P(w = k) = (1 - p) p^k with p = m / (1 + m) (m the mean wealth).
describe('geometricExpected', () => {
  it('gives n (1 - p) p^k agents at wealth k and sums to n', () => {
    const m = 4;
    const p = m / (1 + m);
    const starts = Float64Array.from({ length: 400 }, (_, k) => k);
    const expected = geometricExpected(starts, 1, 1000, m);
    expect(expected[0]).toBeCloseTo(1000 / (1 + m), 10);
    expect(expected[3]).toBeCloseTo(1000 * (1 - p) * p ** 3, 10);
    expect(expected.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 6);
  });

  it('aggregates wider bins: bin [a, a + w) holds n (p^a - p^(a+w))', () => {
    const wide = geometricExpected(Float64Array.of(0, 3, 6), 3, 500, 2);
    const narrow = geometricExpected(
      Float64Array.from({ length: 9 }, (_, k) => k),
      1,
      500,
      2,
    );
    expect(wide[1]).toBeCloseTo(narrow[3] + narrow[4] + narrow[5], 10);
  });

  it('matches the simulated money game after relaxation (total variation < 0.05)', () => {
    const run = modelRun({
      model: 'kinetic-exchange',
      seed: 5,
      ticks: 600,
      params: { agents: 3000, initialWealth: 4, activation: 'random', rule: 'unit' },
    });
    run.runToEnd();
    const d = distributionOf(run.snapshot().wealth, 1000, 11);
    expect(d.binWidth).toBe(1);
    const theory = geometricExpected(d.binStart, d.binWidth, d.n, d.mean);
    let tv = 0;
    d.counts.forEach((c, i) => (tv += Math.abs(c - theory[i]) / d.n / 2));
    expect(tv).toBeLessThan(0.05);
    // And it is far from the starting point (everyone at 4), so the test can fail.
    expect(d.counts[0]).toBeGreaterThan(0.1 * d.n);
  });
});
