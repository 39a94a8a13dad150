import { describe, expect, it } from 'vitest';
import { ishigamiFunction } from '../../../models/ishigami/model.js';
import { column, modelRun } from '../run-model.js';

function run(params: Record<string, unknown>, seed = 1, ticks = 1): Float64Array {
  const r = modelRun({ model: 'ishigami', seed, ticks, params });
  r.runToEnd();
  return column(r, 'y');
}

describe('ishigami', () => {
  it('computes y = sin x1 + a sin² x2 + b x3⁴ sin x1', () => {
    const pi = Math.PI;
    expect(ishigamiFunction(pi / 2, pi / 2, 0, 7, 0.1)).toBeCloseTo(8, 12);
    expect(ishigamiFunction(pi / 2, 0, 2, 7, 0.1)).toBeCloseTo(1 + 0.1 * 16, 12);
    expect([...run({ x1: pi / 2, x2: pi / 2, x3: 1 })]).toEqual([
      ishigamiFunction(pi / 2, pi / 2, 1, 7, 0.1),
    ]);
    expect([...run({ x1: 1, a: 0, b: 0 })]).toEqual([Math.sin(1)]);
  });

  it('adds seeded noise when asked: the same seed the same draws, its mean the function', () => {
    const noisy = run({ x2: Math.PI / 2, noise: 0.5 }, 4, 2000);
    expect(run({ x2: Math.PI / 2, noise: 0.5 }, 4, 2000)).toEqual(noisy);
    expect(run({ x2: Math.PI / 2, noise: 0.5 }, 5, 2000)).not.toEqual(noisy);
    const mean = noisy.reduce((s, v) => s + v, 0) / noisy.length;
    expect(Math.abs(mean - 7)).toBeLessThan(0.05); // 4 standard errors of 0.5 / √2000
  });
});
