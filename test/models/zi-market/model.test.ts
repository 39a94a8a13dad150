import { describe, expect, it } from 'vitest';
import { registry } from '../../../models/index.js';
import { ZiPeriod } from '../../../models/zi-market/period.js';
import { loadScenario } from '../../../sim/host/node/load-scenario.js';
import { Run } from '../../../sim/run/run.js';
import { stream } from '../../../sim/random/streams.js';
import { column, modelRun } from '../run-model.js';

/** A zi-market run of `ticks` periods, not yet stepped. */
const ziRun = (params: Record<string, unknown>, seed = 1, ticks = 50) =>
  modelRun({ model: 'zi-market', seed, ticks, params });

describe('ZiPeriod', () => {
  it('trades one unit per trader at most, inside the price range, and reports trades honestly', () => {
    const period = new ZiPeriod(7, 5);
    const values = stream(2, 0, 'values');
    const orders = stream(2, 0, 'orders');
    for (const constrained of [true, false]) {
      for (let k = 0; k < 20; k++) {
        period.run(values, orders, constrained, 50, 10);
        expect(period.trades).toBeLessThanOrEqual(5);
        let bought = 0;
        for (let i = 0; i < 12; i++) {
          expect(period.traded[i]).toBeLessThanOrEqual(1);
          if (i < 7) bought += period.traded[i];
          expect(period.reservation[i] >= 1 && period.reservation[i] <= 50).toBe(true);
        }
        expect(bought).toBe(period.trades);
        for (let t = 0; t < period.trades; t++)
          expect(period.prices[t] >= 1 && period.prices[t] <= 50).toBe(true);
        expect(period.book.check()).toBeNull();
      }
    }
  });
});

describe('zi-market model', () => {
  it('is registered and both scenario files load and run', () => {
    for (const file of ['scenarios/zi-c.yaml', 'scenarios/zi-u.yaml']) {
      const s = loadScenario(file, registry);
      expect(s.model).toBe('zi-market');
      const run = new Run(registry.get('zi-market')!, { ...s, ticks: 20 });
      const result = run.runToEnd();
      expect(result.ticks).toBe(20);
      expect(result.metrics.trades.mean).toBeGreaterThan(0);
      expect(Number.isFinite(result.metrics.efficiency.mean)).toBe(true);
    }
  });

  it('is deterministic: same seed, same fingerprint; another seed, another', () => {
    const a = ziRun({ strategy: 'zi-c' }, 4).runToEnd();
    const b = ziRun({ strategy: 'zi-c' }, 4).runToEnd();
    const c = ziRun({ strategy: 'zi-c' }, 5).runToEnd();
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });

  it('reports metrics consistent with each other every period', () => {
    const run = ziRun({ buyers: 8, sellers: 12, strategy: 'zi-c' });
    run.runToEnd();
    const col = (name: string) => column(run, name);
    for (let t = 0; t < 50; t++) {
      expect(col('trades')[t]).toBeLessThanOrEqual(8);
      expect(col('surplus')[t]).toBeLessThanOrEqual(col('max_surplus')[t]); // nothing beats the optimum
      if (col('max_surplus')[t] > 0)
        expect(col('efficiency')[t]).toBeCloseTo(col('surplus')[t] / col('max_surplus')[t], 12);
      expect(col('equilibrium_quantity')[t]).toBeLessThanOrEqual(8);
    }
  });

  it('rejects bad params with the path and the value', () => {
    expect(() => ziRun({ strategy: 'zi-x' })).toThrow(/strategy/);
    expect(() => ziRun({ maxPrice: 1 })).toThrow(/maxPrice/);
  });
});
