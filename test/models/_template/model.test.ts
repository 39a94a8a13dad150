import { describe, expect, it } from 'vitest';
import { template } from '../../../models/_template/model.js';
import { InvariantError } from '../../../sim/run/run.js';
import { gini } from '../../../sim/stats/gini.js';
import { expectDefinition, expectMetricTable, expectRecordedValues, instanceOf } from '../model-contract.js';
import { column, modelRun, type InlineScenario } from '../run-model.js';

// The template is not registered (it is where a new model starts, not a model to study): its tests hand the
// engine a registry of its own. A copied model keeps these tests, with its own economics in place of these.
const registry = new Map([[template.name, template]]);
const templateRun = (scenario: Omit<InlineScenario, 'model'>) =>
  modelRun({ model: 'template', ...scenario }, {}, registry);

const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);

describe('template model', () => {
  it('meets the contract every registered model meets (see test/models/registry.test.ts)', () => {
    expectDefinition(template);
    expect(typeof instanceOf(template, template.params.parse({})).invariants).toBe('function');
    const run = templateRun({ ticks: 30, params: { agents: 100 } });
    run.runToEnd();
    expectMetricTable(template.name, run.metrics);
    expectRecordedValues(run);
  });

  it('records what its balances say, every tick', () => {
    const run = templateRun({ ticks: 10, params: { agents: 300 } });
    for (let t = 0; t < 10; t++) {
      run.step();
      const w = Float64Array.from(run.snapshot().wealth);
      const total = w.reduce((a, b) => a + b, 0);
      expect(column(run, 'wealth_total')[t]).toBe(total);
      expect(column(run, 'wealth_mean')[t]).toBe(total / 300);
      expect(column(run, 'wealth_max')[t]).toBe(Math.max(...w));
      expect(column(run, 'wealth_gini')[t]).toBeCloseTo(gini(w), 12);
    }
    expect(column(run, 'wealth_gini')[9]).toBeGreaterThan(0.01);
  });

  it('balances its books every tick: money held = money held before + income - spending', () => {
    const run = templateRun({ ticks: 40, params: { agents: 300 } });
    run.runToEnd();
    const [total, income, spending] = ['wealth_total', 'income', 'spending'].map((m) => column(run, m));
    expect(total[0]).toBe(income[0] - spending[0]);
    for (let t = 1; t < 40; t++) expect(total[t]).toBe(total[t - 1] + income[t] - spending[t]);
    expect(Math.abs(sum(income) / 40 / 300 - 10)).toBeLessThan(0.2); // mean income per agent per tick
  });

  // Each tick a balance b = w + income pays floor(b × s), which lies in (b s - 1, b s]; once spending matches
  // income on average, the mean balance after spending lies in [I (1 - s) / s, (I + 1) / s - I). Spending
  // before income would put it in [I / s, (I + 1) / s) instead: the test tells the two orders apart.
  it.each([
    [10, 0.1],
    [100, 0.05],
    [3, 0.5],
  ])('settles with income %s and spending %s where the order of its phases says', (income, s) => {
    const run = templateRun({ ticks: 400, seed: 2, params: { agents: 1000, income, spending: s } });
    run.runToEnd();
    const settled = sum(column(run, 'wealth_mean').subarray(200)) / 200;
    expect(settled).toBeGreaterThanOrEqual((income * (1 - s)) / s);
    expect(settled).toBeLessThan((income + 1) / s - income);
  });

  it('takes live params from the timeline at their tick', () => {
    const run = templateRun({
      ticks: 30,
      params: { agents: 200 },
      timeline: [
        { at: 11, set: { spending: 1 } },
        { at: 21, set: { income: 0, spending: 0 } },
      ],
    });
    run.runToEnd();
    const wealth = column(run, 'wealth_total');
    const income = column(run, 'income');
    expect(wealth[9]).toBeGreaterThan(0);
    // Ticks 11-20: everyone spends all it holds.
    for (let t = 10; t < 20; t++) expect(wealth[t]).toBe(0);
    // Ticks 21-30: no income, no spending: nothing moves.
    for (let t = 20; t < 30; t++) expect([income[t], wealth[t]]).toEqual([0, 0]);
    expect(run.currentParams).toMatchObject({ income: 0, spending: 0 });
  });

  it('refuses bad params and timeline changes of fixed params, naming the field', () => {
    expect(() => templateRun({ params: { spending: 1.5 } })).toThrow(/params\.spending/);
    expect(() => templateRun({ params: { agents: 0 } })).toThrow(/params\.agents/);
    expect(() => templateRun({ params: { wages: 3 } })).toThrow(/wages/);
    expect(() => templateRun({ ticks: 5, timeline: [{ at: 2, set: { agents: 5 } }] })).toThrow(
      /cannot change during a run \(may change: income, spending\)/,
    );
  });

  it('is deterministic: same seed, same fingerprint; another seed, another', () => {
    const fingerprint = (seed: number) =>
      templateRun({ ticks: 20, seed, params: { agents: 50 } }).runToEnd().fingerprint;
    expect(fingerprint(4)).toBe(fingerprint(4));
    expect(fingerprint(5)).not.toBe(fingerprint(4));
  });

  it('stops the run when its books do not balance', () => {
    const run = templateRun({ ticks: 10, params: { agents: 20 } });
    run.advance(3);
    (run.snapshot().wealth as Float64Array)[0] += 1; // money from nowhere
    const broken = (() => {
      try {
        run.step();
      } catch (e) {
        return e;
      }
    })();
    expect(broken).toBeInstanceOf(InvariantError);
    expect((broken as Error).message).toBe(
      'tick 4: money not conserved: total off by 1 units from income - spending',
    );
  });
});
