import { describe, expect, it } from 'vitest';
import { registry } from '../../../../models/index.js';
import type { ReleasedCell } from '../../../../models/mimo/ais/privacy/released-cell.js';
import { mimo } from '../../../../models/mimo/model.js';
import type { Trade } from '../../../../models/mimo/trading/trade.js';
import { Run } from '../../../../sim/run/run.js';
import { validateScenario } from '../../../../sim/scenario/validate.js';
import { aisParamsFor, liveMimo } from './helpers.js';

describe('mimo with AIS: dividends', () => {
  it('pays the whole pool to the unit at every payout, and fiat stays exactly conserved', () => {
    const params = aisParamsFor({ dividends: { formula: 'records' } });
    const { internals, step } = liveMimo(params);
    const { aisLayer, economy } = internals;
    const flow = economy.ledger.flow('dividends');
    let payouts = 0;
    for (let t = 1; t <= 80; t++) {
      const poolBefore = aisLayer.pool.balance;
      const revenueBefore = aisLayer.pool.revenueCum - aisLayer.pool.feesCum;
      const inflowBefore = economy.fiat.flowTotals[flow];
      const m = step(t);
      expect(m.dividend_conservation_error).toBe(0);
      expect(m.fiat_conservation_error).toBe(0);
      const netSales = aisLayer.pool.revenueCum - aisLayer.pool.feesCum - revenueBefore;
      const paid = economy.fiat.flowTotals[flow] - inflowBefore;
      if (paid > 0) {
        payouts++;
        // The payout is the pool as it stood after this tick's sales: all of it, to the unit.
        expect(paid).toBe(poolBefore + netSales);
        expect(aisLayer.pool.balance).toBe(0);
        let sum = 0;
        for (const x of aisLayer.payer.payouts) {
          expect(Number.isInteger(x)).toBe(true);
          sum += x;
        }
        expect(sum).toBe(paid);
      } else expect(aisLayer.pool.balance).toBe(poolBefore + netSales);
      // The pool's own book: sales + royalties − fees − dividends = pool + fees kept.
      expect(aisLayer.pool.book.conservationError()).toBe(0);
    }
    expect(payouts).toBeGreaterThanOrEqual(6);
    // Paid by records: the member with the most records got the largest dividend.
    const { records } = aisLayer.ais;
    let top = 0;
    for (let i = 1; i < records.length; i++) if (records[i] > records[top]) top = i;
    expect(Math.max(...aisLayer.payer.payouts)).toBe(aisLayer.payer.payouts[top]);
  });

  it('pays a fixed-issue currency by issuing units against a fiat reserve, exactly', () => {
    const params = aisParamsFor({ dividends: { currency: 'tokens', formula: '1' } });
    const { internals, step } = liveMimo(params);
    const { aisLayer, economy } = internals;
    const tokens = economy.currencies[2];
    const flow = economy.ledger.flow('dividends');
    for (let t = 1; t <= 40; t++) expect(step(t).dividend_conservation_error).toBe(0);
    expect(aisLayer.payer.unitsCum).toBeGreaterThan(0);
    expect(tokens.flowTotals[flow]).toBe(aisLayer.payer.unitsCum);
    expect(tokens.conservationError()).toBe(0);
    expect(aisLayer.pool.reserve).toBe(aisLayer.payer.paidCum);
    // Equal weights: every member's units differ by at most one.
    const p = aisLayer.payer.payouts;
    expect(Math.max(...p) - Math.min(...p)).toBeLessThanOrEqual(1);
  });
});

describe('mimo with AIS: protected statistics in the run', () => {
  it('never releases a cell with fewer than k members, and suppresses small ones', () => {
    const k = 25;
    const params = aisParamsFor({ ais: { k, epsilon: 1, budget: 50 } }, 600);
    const { internals, emitted, step } = liveMimo(params);
    const ais = internals.aisLayer.ais;
    // Tee what settlement reports to AIS: the distinct spenders of each (period, currency, category) cell.
    const spenders = new Map<string, Set<number>>();
    const record = ais.settled.bind(ais);
    ais.settled = (trade: Trade) => {
      const period = Math.floor((trade.tick - 1) / 10);
      const key = `${period}/${trade.currency}/${trade.category}`;
      if (!spenders.has(key)) spenders.set(key, new Set());
      spenders.get(key)!.add(trade.buyer);
      record(trade);
    };
    for (let t = 1; t <= 60; t++) step(t);
    const groups = ['fiat', 'hours', 'tokens'];
    const cells = emitted.filter((e) => e.channel === 'released').map((e) => e.record as ReleasedCell);
    const spend = cells.filter((c) => c.measure === 'spend');
    expect(spend.length).toBeGreaterThan(0);
    for (const c of spend) {
      const period = (Number(c.period.split(' ')[1].split('-')[0]) - 1) / 10;
      const key = `${period}/${groups.indexOf(c.group)}/${Number(c.category.slice(1))}`;
      expect(spenders.get(key)?.size ?? 0).toBeGreaterThanOrEqual(k);
    }
    expect(ais.suppressedCells).toBeGreaterThan(0);
  });

  it('charges privacy budgets: strict privacy spends less, sells less and answers less accurately than open', () => {
    const run = (ais: Record<string, number>) => {
      const { step } = liveMimo(aisParamsFor({ ais }));
      let m: Record<string, number> = {};
      for (let t = 1; t <= 60; t++) m = step(t);
      return m;
    };
    const strict = run({ k: 20, epsilon: 0.1, budget: 0.3 });
    const open = run({ k: 3, epsilon: 2, budget: 20 });
    expect(strict.privacy_spent_mean).toBeLessThan(open.privacy_spent_mean);
    expect(strict.data_revenue_cum).toBeLessThan(open.data_revenue_cum);
    expect(strict.report_abs_error).toBeGreaterThan(open.report_abs_error);
    // Strict: no member spends more than its budget in a period, so at most budget × periods in all.
    expect(strict.privacy_spent_mean).toBeLessThanOrEqual(0.3 * 6 + 1e-9);
    // The re-identification bound follows what was charged: tanh(ε/2) of at most 1.8 for the most charged member.
    expect(strict.reidentification_bound_mean).toBeLessThan(open.reidentification_bound_mean);
    expect(strict.reidentification_bound_mean).toBeGreaterThan(0);
    expect(strict.reidentification_bound_max).toBeLessThanOrEqual(Math.tanh((0.3 * 6) / 2) + 1e-12);
    expect(open.reidentification_bound_max).toBeLessThanOrEqual(1);
    expect(strict.reidentification_bound_mean).toBeLessThanOrEqual(strict.reidentification_bound_max);
  });

  it('lets members differ in the privacy they give up: each spends within its own budget, the largest the most', () => {
    // Budget 0.5 per period, ε 0.1 per cell, so a member is left out once it has given 5 cells × its share.
    const ais = { k: 3, epsilon: 0.1, budget: 0.5, budgetSpread: 1 };
    const { internals, step } = liveMimo(aisParamsFor({ ais, dividends: { formula: 'privacy_spent' } }));
    const { budget } = internals.aisLayer.ais.statistics;
    const shares = budget.shares!;
    let exhausted = 0;
    for (let t = 1; t <= 60; t++) {
      step(t);
      // Within each period no member passes its own budget (the period resets every 30 ticks).
      for (let i = 0; i < shares.length; i++) {
        expect(budget.spentPeriod[i]).toBeLessThanOrEqual(0.5 * shares[i] * (1 + 1e-9));
        if (t === 29 && !budget.canAfford(i, 0.1)) exhausted++;
      }
    }
    // The shares have mean 1 (lognormal, log-sd 1: standard error of the mean about 1.3 / √n).
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(Math.abs(mean - 1)).toBeLessThan((4 * Math.sqrt(Math.E - 1)) / Math.sqrt(shares.length));
    expect(exhausted).toBeGreaterThan(0);
    // Spending follows the share among members used in releases: the top quarter by share spent more than the bottom.
    const used = [...shares.keys()]
      .filter((i) => budget.spentTotal[i] > 0)
      .sort((a, b) => shares[a] - shares[b]);
    const quarter = Math.floor(used.length / 4);
    const spent = (ids: number[]) => ids.reduce((a, i) => a + budget.spentTotal[i], 0) / ids.length;
    expect(spent(used.slice(-quarter))).toBeGreaterThan(2 * spent(used.slice(0, quarter)));
    // And a formula that pays for privacy given up pays them more.
    const payouts = internals.aisLayer.payer.payouts;
    const paid = (ids: number[]) => ids.reduce((a, i) => a + payouts[i], 0) / ids.length;
    expect(paid(used.slice(-quarter))).toBeGreaterThan(paid(used.slice(0, quarter)));
  });

  it('caps every member’s re-identification bound with a lifetime budget', () => {
    const { step } = liveMimo(aisParamsFor({ ais: { k: 3, epsilon: 0.5, budget: 2, lifetimeBudget: 1 } }));
    let m: Record<string, number> = {};
    for (let t = 1; t <= 90; t++) m = step(t);
    expect(m.privacy_spent_mean).toBeGreaterThan(0);
    expect(m.reidentification_bound_max).toBeGreaterThan(0);
    expect(m.reidentification_bound_max).toBeLessThanOrEqual(Math.tanh(1 / 2) + 1e-12);
  });

  it('gives every member the same budget when budgetSpread is 0 (the default)', () => {
    const { internals } = liveMimo(aisParamsFor({}));
    expect(internals.aisLayer.ais.statistics.budget.shares).toBeNull();
  });

  it('never lowers a member’s re-identification bound: what was released stays released', () => {
    const { step } = liveMimo(aisParamsFor({ ais: { k: 3, epsilon: 0.5, budget: 2 } }));
    let last = 0;
    for (let t = 1; t <= 60; t++) {
      const bound = step(t).reidentification_bound_mean;
      expect(bound).toBeGreaterThanOrEqual(last);
      last = bound;
    }
    expect(last).toBeGreaterThan(0);
  });
});

describe('mimo with AIS: determinism', () => {
  const scenario = (seed: number) =>
    validateScenario(
      {
        name: 'det',
        description: 'det',
        model: 'mimo',
        seed,
        ticks: 60,
        params: { ...aisParamsFor({ infoGoods: { enabled: true, currency: 'hours' } }) },
      },
      registry,
    );
  const result = (seed: number) => {
    const released: unknown[] = [];
    const run = new Run(mimo, scenario(seed) as never, {
      channels: { emit: (channel, record) => channel === 'released' && released.push(record) },
    });
    run.runToEnd();
    return { fingerprint: run.result().fingerprint, released: JSON.stringify(released) };
  };

  it('gives the same metrics and the same released cells for the same seed, others for another', () => {
    const a = result(3);
    const b = result(3);
    const c = result(4);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.released).toBe(a.released);
    expect(c.fingerprint).not.toBe(a.fingerprint);
    expect(a.released.length).toBeGreaterThan(100);
  });
});

describe('mimo with AIS: live privacy params', () => {
  it('applies a timeline change of ais.epsilon, ais.budget and ais.fee from its tick on', () => {
    const s = validateScenario(
      {
        name: 'live',
        description: 'live',
        model: 'mimo',
        seed: 2,
        ticks: 40,
        params: { ...aisParamsFor() },
        timeline: [{ at: 21, set: { 'ais.epsilon': 4, 'ais.budget': 50, 'ais.fee': 1 } }],
      },
      registry,
    );
    const cells: ReleasedCell[] = [];
    const run = new Run(mimo, s as never, {
      channels: { emit: (channel, record) => channel === 'released' && cells.push(record as ReleasedCell) },
    });
    run.runToEnd();
    const column = (name: string) => run.recorder.columns[run.metrics.findIndex((m) => m.name === name)];
    const fees = column('ais_fees_cum');
    const revenue = column('data_revenue_cum');
    const before = cells.filter((c) => c.period === 'ticks 1-10');
    const after = cells.filter((c) => c.period === 'ticks 21-30' || c.period === 'ticks 31-40');
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    for (const c of before) expect([c.epsilon, c.noise_scale]).toEqual([0.5, 200]);
    for (const c of after) expect([c.epsilon, c.noise_scale]).toEqual([4, 25]);
    // Fee 0.1 until tick 20 (floor per sale), then AIS keeps every unit of what comes in.
    expect(fees[19]).toBeLessThanOrEqual(0.1 * revenue[19]);
    expect(fees[19]).toBeGreaterThan(0);
    expect(fees[39] - fees[19]).toBe(revenue[39] - revenue[19]);
    expect(revenue[39]).toBeGreaterThan(revenue[19]);
  });
});

describe('mimo with AIS: snapshot', () => {
  it('adds records, privacy spent and the last dividend per member', () => {
    const { instance, internals, step } = liveMimo(aisParamsFor({}, 300));
    for (let t = 1; t <= 20; t++) step(t);
    const snap = instance.snapshot!();
    expect(snap.records).toBe(internals.aisLayer.ais.records);
    expect(snap.lastDividend).toHaveLength(300);
    expect(Array.from(snap.lastDividend).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(Math.max(...Array.from(snap.privacySpent))).toBeGreaterThan(0);
  });
});

describe('mimo with AIS: traces name members only by AIS pseudonyms', () => {
  const traces = (ais: boolean) => {
    const params = ais ? aisParamsFor({}, 300) : { members: 300 };
    const s = validateScenario(
      { name: 'trace', model: 'mimo', seed: 1, ticks: 5, params: { ...params } },
      registry,
    );
    const records: Record<string, Record<string, unknown>[]> = {};
    const run = new Run(mimo, s as never, {
      trace: 50,
      channels: { emit: (channel, record) => (records[channel] ??= []).push(record as never) },
    });
    run.runToEnd();
    return { records, fingerprint: run.result().fingerprint };
  };

  it('writes negotiations with the pseudonyms of ais_trades, never member ids', () => {
    const { records } = traces(true);
    const negotiations = records.negotiations;
    expect(negotiations.length).toBe(50);
    const pseudonym = /^p[0-9a-f]{20}$/;
    for (const n of negotiations) {
      expect(n).not.toHaveProperty('buyer');
      expect(n).not.toHaveProperty('seller');
      expect(n.buyer_as_seen_by_seller).toMatch(pseudonym);
      expect(n.seller_as_seen_by_buyer).toMatch(pseudonym);
    }
    // The same two sides appear under the same names in both traces.
    const traded = new Set(records.ais_trades.map((t) => t.buyer_as_seen_by_seller));
    expect(negotiations.some((n) => traded.has(n.buyer_as_seen_by_seller))).toBe(true);
  });

  it('keeps member ids without AIS, and tracing changes no metric', () => {
    const { records } = traces(false);
    expect(typeof records.negotiations[0].buyer).toBe('number');
    const s = validateScenario(
      { name: 'trace', model: 'mimo', seed: 1, ticks: 5, params: { ...aisParamsFor({}, 300) } },
      registry,
    );
    expect(new Run(mimo, s as never).runToEnd().fingerprint).toBe(traces(true).fingerprint);
  });
});

describe('mimo with AIS: a formula that gives everyone 0', () => {
  it('pays nothing, keeps the pool, and says so in a warning at each payout', () => {
    const s = validateScenario(
      {
        name: 'zero',
        model: 'mimo',
        seed: 1,
        ticks: 30,
        params: { ...aisParamsFor({ dividends: { formula: 'log(records + 1, 2) * 0' } }, 300) },
      },
      registry,
    );
    const warnings: string[] = [];
    const run = new Run(mimo, s as never, {
      channels: {
        emit: (channel, record) => channel === 'warnings' && warnings.push((record as never)['message']),
      },
    });
    const result = run.runToEnd();
    expect(result.metrics.dividends_paid_cum.final).toBe(0);
    expect(warnings.length).toBe(3);
    expect(warnings[0]).toBe(
      'tick 10: dividends.formula: every weight is 0, nothing paid (the pool keeps it)',
    );
  });
});
