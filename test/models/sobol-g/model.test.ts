import { describe, expect, it } from 'vitest';
import { sobolGFunction } from '../../../models/sobol-g/model.js';
import { modelRun } from '../run-model.js';

describe('sobol-g', () => {
  it('computes G = Π (|4 x_i − 2| + a_i) / (1 + a_i)', () => {
    expect(sobolGFunction([0.5, 0], [0, 1])).toBe(0);
    expect(sobolGFunction([0, 1], [0, 1])).toBe(2 * 1.5);
    const run = modelRun({
      model: 'sobol-g',
      ticks: 1,
      params: { x1: 1, x2: 0.25, a: [0, 0, 1, 1, 1, 1, 1, 1] },
    });
    // x1 = 1: 2; x2 = 0.25: 1; x3…x8 = 0.5 (defaults): a / (1 + a) = 1/2 each.
    expect(run.runToEnd().metrics.y.final).toBe(2 * 1 * 0.5 ** 6);
  });

  it('refuses inputs outside [0, 1] and a list of coefficients that is not 8 long', () => {
    expect(() => modelRun({ model: 'sobol-g', params: { x3: 1.5 } })).toThrow(/params.x3/);
    expect(() => modelRun({ model: 'sobol-g', params: { a: [1, 2] } })).toThrow(/params.a/);
  });
});
