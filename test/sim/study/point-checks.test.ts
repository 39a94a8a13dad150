import { describe, expect, it } from 'vitest';
import { registry } from '../../../models/index.js';
import { formatProblem } from '../../../sim/scenario/problems.js';
import { designPoints, designSpecSchema } from '../../../sim/study/design/index.js';
import { factorList, factorsSchema } from '../../../sim/study/factors.js';
import { pointProblems } from '../../../sim/study/point-checks.js';

const MONEY = { name: 'm', model: 'kinetic-exchange', ticks: 3 };
const NEGOTIATION = {
  name: 'b',
  model: 'bargaining',
  ticks: 3,
  params: {
    protocol: 'alternating',
    strategy: 'equilibrium',
    discountBuyer: 0.8,
    discountSeller: 1,
    rounds: 0,
  },
};

/** The problem lines of a design's points on one scenario. */
function lines(raw: unknown, factors: unknown, design: unknown): string[] {
  const points = designPoints(designSpecSchema.parse(design), factorList(factorsSchema.parse(factors)));
  const policies = [{ file: 'base.yaml', path: '/x/base.yaml', raw }];
  return pointProblems(points, policies, [], registry).map((p) => formatProblem('study.yaml', p));
}

const LHS = { kind: 'lhs', samples: 10 };

describe('the points of a study: a factor the model refuses is said once, at the factor', () => {
  it('a range of numbers for a whole-number param, below its minimum: the bounds and what to change', () => {
    expect(lines(MONEY, { 'params.agents': { min: -5, max: 2 } }, LHS)).toEqual([
      'study.yaml: factors.params.agents: the model takes whole numbers from 2 to 50000000 here: add integer: true, raise min to 2 (got {"min":-5,"max":2})',
    ]);
    expect(lines(MONEY, { 'params.saving': { min: 0, max: 1 } }, { kind: 'grid', steps: 3 })).toEqual([
      'study.yaml: factors.params.saving: the model takes numbers from 0 to below 1 here: lower max to below 1 (got {"min":0,"max":1})',
    ]);
  });

  it('a path that names no param, or reaches under one value', () => {
    expect(lines(MONEY, { 'params.nosuch': { min: 1, max: 2 } }, LHS)).toEqual([
      'study.yaml: factors.params.nosuch: unknown field (allowed: agents, initialWealth, activation, rule, transfer, saving, debtLimit)',
    ]);
    expect(lines(MONEY, { 'params.agents.x': { min: 1, max: 2 } }, LHS)).toEqual([
      'study.yaml: factors.params.agents.x: params.agents is one value, not a section: it has no field x (got "params.agents.x")',
    ]);
  });

  it('each refused level once', () => {
    expect(lines(MONEY, { 'params.rule': { levels: ['unit', 'bogus', 'split'] } }, LHS)).toEqual([
      'study.yaml: factors.params.rule: invalid option: expected one of "unit"|"split" (got "bogus")',
    ]);
  });

  it('a sampled design that never reaches a refused end of a range is not refused', () => {
    expect(lines(MONEY, { 'params.saving': { min: 0, max: 1 } }, LHS)).toEqual([]);
  });

  it('factors refused only together: point by point, each line once', () => {
    const refused = lines(
      NEGOTIATION,
      { 'params.discountSeller': { levels: [1, 0.9] }, 'params.rounds': { levels: [0, 3] } },
      { kind: 'grid' },
    );
    expect(refused).toHaveLength(0);
    const together = lines(
      NEGOTIATION,
      { 'params.discountBuyer': { levels: [1, 0.9] }, 'params.rounds': { levels: [3, 0] } },
      { kind: 'grid' },
    );
    expect(together).toEqual([
      expect.stringMatching(
        /^study\.yaml: factors \(point 1, base\.yaml\): params\.rounds: with no round limit/,
      ),
    ]);
  });
});
