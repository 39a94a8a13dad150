import { describe, expect, it } from 'vitest';
import { gini } from '../../../sim/stats/gini.js';
import { sd } from '../../../sim/stats/moments.js';
import { column, modelRun, type InlineScenario } from '../run-model.js';

const moneyGame = (scenario: Omit<InlineScenario, 'model'>) =>
  modelRun({ model: 'kinetic-exchange', ...scenario });

/** The wealth of every agent now (a copy). */
const wealthOf = (run: ReturnType<typeof moneyGame>) => Float64Array.from(run.snapshot().wealth);

const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;

const RULES = [
  { activation: 'sweep', rule: 'unit' },
  { activation: 'sweep', rule: 'split' },
  { activation: 'random', rule: 'unit' },
  { activation: 'random', rule: 'split', saving: 0.3 },
];

describe('kinetic-exchange: conservation and debt', () => {
  it.each(RULES)('conserves money exactly under $activation × $rule, with and without debt', (rule) => {
    for (const debtLimit of [0, 4]) {
      const run = moneyGame({
        ticks: 60,
        seed: 3,
        params: { agents: 500, initialWealth: 7, debtLimit, ...rule },
      });
      run.runToEnd();
      expect(new Set(column(run, 'total'))).toEqual(new Set([3500]));
      expect(column(run, 'mean').every((m) => m === 7)).toBe(true);
      expect(wealthOf(run).reduce((a, b) => a + b, 0)).toBe(3500);
    }
  });

  it.each(RULES)(
    'never lets a balance below -debtLimit under $activation × $rule, and reaches it',
    (rule) => {
      const run = moneyGame({
        ticks: 200,
        seed: 4,
        params: { agents: 300, initialWealth: 2, debtLimit: 3, ...rule },
      });
      run.runToEnd();
      const min = column(run, 'min');
      expect(Math.min(...min)).toBe(-3);
      expect(column(run, 'share_negative').some((s) => s > 0)).toBe(true);
    },
  );

  it('keeps everyone out of debt without a debt limit', () => {
    for (const rule of RULES) {
      const run = moneyGame({ ticks: 100, params: { agents: 300, initialWealth: 1, ...rule } });
      run.runToEnd();
      expect(Math.min(...column(run, 'min')), JSON.stringify(rule)).toBe(0);
      expect(column(run, 'share_negative').every((s) => s === 0)).toBe(true);
      expect(column(run, 'share_zero_or_less').some((s) => s > 0)).toBe(true);
    }
  });
});

describe('kinetic-exchange: metrics', () => {
  it('records what the wealth array says, every tick', () => {
    const run = moneyGame({
      ticks: 12,
      params: { agents: 400, initialWealth: 3, debtLimit: 2, activation: 'random' },
    });
    for (let t = 0; t < 12; t++) {
      run.step();
      const w = wealthOf(run);
      const row = Object.fromEntries(run.metrics.map((m) => [m.name, column(run, m.name)[t]]));
      expect(row.gini).toBeCloseTo(gini(w), 12);
      expect(row.mean).toBe(3);
      expect(row.sd).toBeCloseTo(sd(w), 12);
      expect(row.max).toBe(Math.max(...w));
      expect(row.min).toBe(Math.min(...w));
      expect(row.share_zero_or_less).toBe(w.filter((x) => x <= 0).length / 400);
      expect(row.share_negative).toBe(w.filter((x) => x < 0).length / 400);
      expect(row.total).toBe(1200);
    }
  });
});

describe('kinetic-exchange: saving', () => {
  // Saving λ keeps floor(λ e) of each side out of the pool (exchange.test.ts): the more each saves, the less
  // unequal wealth gets (Chakraborti & Chakrabarti 2000; test/validation/dragulescu-yakovenko.test.ts checks the
  // gamma fits of Patriarca et al.).
  it('lowers the Gini the more agents save', () => {
    const settled = (saving: number) => {
      const run = moneyGame({
        ticks: 300,
        seed: 5,
        params: { agents: 1000, initialWealth: 100, activation: 'random', rule: 'split', saving },
      });
      run.runToEnd();
      return mean(column(run, 'gini').subarray(200));
    };
    const [none, half, most] = [0, 0.5, 0.9].map(settled);
    expect(none).toBeGreaterThan(0.45);
    expect(half).toBeLessThan(none - 0.15);
    expect(most).toBeLessThan(half - 0.1);
  });
});

describe('kinetic-exchange: live params', () => {
  it('follows a saving cut at its tick: inequality rises towards the no-saving law', () => {
    const run = moneyGame({
      ticks: 500,
      seed: 6,
      params: { agents: 1000, initialWealth: 100, activation: 'random', rule: 'split', saving: 0.5 },
      timeline: [{ at: 251, set: { saving: 0 } }],
    });
    run.runToEnd();
    const g = column(run, 'gini');
    expect(mean(g.subarray(150, 250))).toBeLessThan(0.32);
    expect(mean(g.subarray(400, 500))).toBeGreaterThan(0.45);
    expect(run.currentParams).toMatchObject({ saving: 0 });
  });

  it('follows a debt limit raised at its tick: no debt before, debt down to the new limit after', () => {
    const run = moneyGame({
      ticks: 120,
      params: { agents: 300, initialWealth: 2, activation: 'random' },
      timeline: [{ at: 61, set: { debtLimit: 4 } }],
    });
    run.runToEnd();
    const min = column(run, 'min');
    expect(Math.min(...min.subarray(0, 60))).toBe(0);
    expect(Math.min(...min.subarray(60))).toBe(-4);
  });

  it('follows a change of activation: one gift per agent per sweep, several possible under random pairs', () => {
    const run = moneyGame({
      ticks: 40,
      params: { agents: 200, initialWealth: 20, activation: 'sweep' },
      timeline: [{ at: 21, set: { activation: 'random' } }],
    });
    const largestLoss = (ticks: number) => {
      let largest = 0;
      for (let t = 0; t < ticks; t++) {
        const before = wealthOf(run);
        run.step();
        const after = wealthOf(run);
        for (let i = 0; i < before.length; i++) largest = Math.max(largest, before[i] - after[i]);
      }
      return largest;
    };
    expect(largestLoss(20)).toBe(1);
    expect(largestLoss(20)).toBeGreaterThan(1);
  });

  it('follows a change of transfer: balances stay multiples of the transfer until it changes', () => {
    const run = moneyGame({
      ticks: 60,
      params: { agents: 200, initialWealth: 9, transfer: 3 },
      timeline: [{ at: 31, set: { transfer: 1 } }],
    });
    run.advance(30);
    expect(wealthOf(run).every((w) => w % 3 === 0)).toBe(true);
    run.runToEnd();
    expect(wealthOf(run).some((w) => w % 3 !== 0)).toBe(true);
  });
});

describe('kinetic-exchange: determinism and refusals', () => {
  it('gives the same fingerprint for the same seed, another for another seed or replicate', () => {
    const scenario = (seed: number) => ({ ticks: 30, seed, params: { agents: 200, activation: 'random' } });
    const a = moneyGame(scenario(1)).runToEnd().fingerprint;
    expect(moneyGame(scenario(1)).runToEnd().fingerprint).toBe(a);
    expect(moneyGame(scenario(2)).runToEnd().fingerprint).not.toBe(a);
    expect(
      modelRun({ model: 'kinetic-exchange', ...scenario(1) }, { replicate: 1 }).runToEnd().fingerprint,
    ).not.toBe(a);
  });

  it.each([
    [{ agents: 1 }, /params\.agents/],
    [{ initialWealth: 2.5 }, /params\.initialWealth/],
    [{ initialWealth: -1 }, /params\.initialWealth/],
    [{ saving: 1 }, /params\.saving/],
    [{ transfer: 0 }, /params\.transfer/],
    [{ debtLimit: -1 }, /params\.debtLimit/],
    [{ activation: 'ring' }, /params\.activation/],
    [{ rule: 'gift' }, /params\.rule/],
    [{ wealth: 3 }, /wealth/],
  ])('refuses params %j', (params, message) => {
    expect(() => moneyGame({ params })).toThrow(message);
  });

  it('refuses a timeline change of agents or initialWealth, listing the params that may change', () => {
    for (const param of ['agents', 'initialWealth']) {
      expect(() => moneyGame({ ticks: 5, timeline: [{ at: 2, set: { [param]: 5 } }] })).toThrow(
        /cannot change during a run \(may change: activation, rule, transfer, saving, debtLimit\)/,
      );
    }
  });
});
