import { describe, expect, it } from 'vitest';
import { mimo } from '../../../models/mimo/model.js';
import { mimoParams } from '../../../models/mimo/params.js';
import { Streams } from '../../../sim/random/streams.js';
import { InvariantError } from '../../../sim/run/run.js';
import { column, scenarioRun, small } from './run-mimo.js';

const SCENARIOS = ['baseline', 'time-bank', 'many-currencies', 'fiat-recession'];

describe('mimo: conservation at every tick', () => {
  it.each(SCENARIOS)('%s: fiat exact, mutual credit sums to zero, invariants hold every tick', (name) => {
    const run = scenarioRun(name, small(1200, name === 'fiat-recession' ? 200 : 90));
    run.runToEnd(); // the run checks the model's invariants (every book's flows, escrow, group accounts) every tick
    expect(column(run, 'fiat_conservation_error').every((v) => v === 0)).toBe(true);
    expect(column(run, 'mutual_credit_imbalance').every((v) => v === 0)).toBe(true);
    expect(column(run, 'trades').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('members stay within their credit lines; non-members never go below zero', () => {
    const run = scenarioRun('time-bank', small(1500, 120));
    run.runToEnd();
    const { hours, groups } = run.snapshot() as { hours: Float64Array; groups: Int32Array };
    const limit = -20 * 100;
    let members = 0;
    hours.forEach((balance, i) => {
      if (groups[i] & 1) members++;
      else expect(balance, `non-member ${i}`).toBeGreaterThanOrEqual(0);
    });
    expect(members).toBeGreaterThan(700);
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(limit);
    expect(Math.min(...hours)).toBeLessThan(0); // credit is actually used
    expect(hours.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('the invariant check catches books that do not balance', () => {
    const run = scenarioRun('baseline', small(300, 10));
    run.step();
    (run.snapshot().fiat as Float64Array)[7] += 1; // money from nowhere
    expect(() => run.step()).toThrow(InvariantError);
    expect(() => scenarioRun('baseline', small(300, 10)).runToEnd()).not.toThrow();
  });

  it('checks the books on the recount that ends each tick, whether or not the metrics were observed', () => {
    const params = mimoParams.parse({ members: 300 });
    const streams = new Streams(1, 0);
    const instance = mimo.create({
      params,
      seed: 1,
      replicate: 0,
      ticks: 10,
      trace: 0,
      rng: (name) => streams.get(name),
      emit: () => {},
    });
    instance.step(1);
    expect(instance.invariants!()).toBeNull();
    (instance.snapshot!().fiat as Float64Array)[7] += 1; // money from nowhere
    expect(instance.invariants!()).toBeNull(); // not recounted yet
    instance.step(2);
    expect(instance.invariants!()).toBe('fiat: total off by 1 minor units from its logged flows');
  });
});

describe('mimo: negotiation and payment', () => {
  it('every agreement lies between both reservation values; breakdowns only without overlap', () => {
    const records: { agreed: boolean; price: number | null; buyerValue: number; sellerCost: number }[] = [];
    const run = scenarioRun('baseline', small(1000, 30), {
      trace: 3000,
      channels: { emit: (channel, r) => channel === 'negotiations' && records.push(r as never) },
    });
    run.runToEnd();
    expect(records.length).toBe(3000);
    for (const r of records) {
      if (r.agreed) {
        expect(r.price).toBeGreaterThanOrEqual(r.sellerCost);
        expect(r.price).toBeLessThanOrEqual(r.buyerValue);
      } else expect(r.buyerValue).toBeLessThan(r.sellerCost);
    }
  });

  it('alternating offers with time-dependent tactics also agree within the values, in more rounds', () => {
    const records: {
      agreed: boolean;
      price: number | null;
      buyerValue: number;
      sellerCost: number;
      rounds: number;
    }[] = [];
    const run = scenarioRun(
      'baseline',
      [
        ...small(800, 20),
        {
          path: 'params.negotiation',
          value: { protocol: 'alternating', strategy: 'time-dependent', rounds: 8 },
        },
      ],
      { trace: 1000, channels: { emit: (c, r) => c === 'negotiations' && records.push(r as never) } },
    );
    run.runToEnd();
    const agreed = records.filter((r) => r.agreed);
    expect(agreed.length).toBeGreaterThan(100);
    for (const r of agreed) expect(r.price! >= r.sellerCost && r.price! <= r.buyerValue).toBe(true);
    expect(column(run, 'mean_rounds')[10]).toBeGreaterThan(1);
  });

  it('trades carry two values: part of the value settles in cultural currency, part in fiat', () => {
    const run = scenarioRun('baseline', small(1500, 40));
    run.runToEnd();
    const share = column(run, 'cultural_share');
    expect(Math.min(...share)).toBeGreaterThan(0.05);
    expect(Math.max(...share)).toBeLessThan(0.95);
    expect(column(run, 'fx_swaps').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('the continuous double auction trades currencies and moves their reference rates', () => {
    const run = scenarioRun('many-currencies', small(2000, 60));
    run.runToEnd();
    expect(column(run, 'fx_swaps').reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    const rate = column(run, 'rate_hours');
    expect(new Set(rate).size).toBeGreaterThan(1);
    expect(column(run, 'hhi_currency')[59]).toBeGreaterThan(1 / 6);
  });

  it('CDA escrow balances when makers cross each other: many makers on both sides of every cultural pair', () => {
    // A bid maker escrows its limit and may fill at a lower resting ask: the difference must go back at once, and
    // every unfilled offer returns at the close; the invariants (escrow empty, totals explained) run every tick.
    const run = scenarioRun('many-currencies', [
      ...small(600, 30),
      { path: 'params.market.makers', value: 0.6 },
    ]);
    expect(() => run.runToEnd()).not.toThrow();
    expect(column(run, 'fx_swaps').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('with fiat scarce, buyers swap cultural currencies against each other in the books of cultural pairs', () => {
    const scarce = [
      { path: 'params.initialFiat', value: 0 },
      { path: 'params.income.median', value: 300 },
    ];
    for (const mechanism of ['cda', 'bilateral']) {
      const run = scenarioRun('many-currencies', [
        ...small(2000, 40),
        ...scarce,
        { path: 'params.market.mechanism', value: mechanism },
      ]);
      run.runToEnd(); // conservation and an empty escrow are checked after every tick
      const cultural = column(run, 'fx_swaps_cultural').reduce((a, b) => a + b, 0);
      expect(cultural, mechanism).toBeGreaterThan(10);
      expect(cultural).toBeLessThanOrEqual(column(run, 'fx_swaps').reduce((a, b) => a + b, 0));
    }
  });
});

describe('mimo: determinism and timeline', () => {
  it('same scenario and seed give the same fingerprint; another seed another', () => {
    const fp = (seed: number) =>
      scenarioRun('many-currencies', [...small(600, 25), { path: 'seed', value: seed }]).runToEnd()
        .fingerprint;
    expect(fp(4)).toBe(fp(4));
    expect(fp(4)).not.toBe(fp(5));
  });

  it('a timeline event takes effect at the start of its tick, not before', () => {
    const overrides = [
      ...small(800, 10),
      { path: 'timeline', value: [{ at: 6, set: { 'income.scale': 0, 'spending.rate': 0 } }] },
    ];
    const run = scenarioRun('baseline', overrides);
    run.runToEnd();
    const fiat = column(run, 'fiat_total');
    // Income exceeds spending at first: fiat grows every tick up to tick 5…
    for (let t = 1; t < 5; t++) expect(fiat[t]).toBeGreaterThan(fiat[t - 1]);
    // …and from tick 6, with no income and no spending, only fees can leave.
    for (let t = 5; t < 10; t++) expect(fiat[t]).toBeLessThanOrEqual(fiat[t - 1]);
    expect(fiat[5]).toBeLessThan(fiat[4]);
  });

  it('the fiat recession cuts incomes by 30% at tick 180 and cultural currency takes a larger share', () => {
    const run = scenarioRun('fiat-recession', small(2000, 300));
    run.runToEnd();
    const fiat = column(run, 'fiat_total');
    const share = column(run, 'cultural_share');
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(fiat[299]).toBeLessThan(0.8 * fiat[178]);
    expect(mean(share.subarray(220, 300))).toBeGreaterThan(mean(share.subarray(100, 179)));
  });
});
