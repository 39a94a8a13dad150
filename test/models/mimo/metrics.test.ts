import { describe, expect, it } from 'vitest';
import { aisMetrics } from '../../../models/mimo/ais/metrics.js';
import { economyMetrics } from '../../../models/mimo/economy/metrics.js';
import { marketMetrics } from '../../../models/mimo/market/metrics.js';
import { mimoMetrics } from '../../../models/mimo/metrics.js';
import { HOUR, mimoParams } from '../../../models/mimo/params.js';
import { tradingMetrics } from '../../../models/mimo/trading/metrics.js';
import { column, scenarioRun, small } from './run-mimo.js';

const everything = mimoParams.parse({
  groups: [
    { name: 'hours', issuance: 'mutual-credit' },
    { name: 'tokens', issuance: 'fixed' },
  ],
  market: { mechanism: 'cda', arbitrage: { traders: 2 } },
  ais: { enabled: true },
});

/** The names every part's table declares, with its per-currency rows made for `currencies`. */
function declared(currencies: readonly string[]): string[] {
  const names: string[] = [];
  for (const table of [economyMetrics, tradingMetrics, marketMetrics]) {
    for (const row of Object.values(table)) {
      if (typeof row === 'function') {
        for (const [c, name] of currencies.entries()) names.push(row(c, name).name);
      } else names.push(row.name);
    }
  }
  return [...names, ...aisMetrics.map((m) => m.name)];
}

describe('mimo metrics', () => {
  it('record every row of every part’s table exactly once (per currency: each group; fiat’s share too)', () => {
    const columns = mimoMetrics.columns(everything).map((m) => m.name);
    expect(new Set(columns).size).toBe(columns.length);
    // Fiat has only its share among the per-currency rows (its velocity is the economy's own `velocity_fiat`).
    const fiatOnly = ['rate', 'volume', 'supply', 'turnover', 'at_limit', 'rate_drift'].map(
      (m) => `${m}_fiat`,
    );
    const expected = declared(['fiat', 'hours', 'tokens']).filter((name) => !fiatOnly.includes(name));
    expect([...new Set(columns)].sort()).toEqual([...new Set(expected)].sort());
  });

  it('keep the arbitrage and AIS columns last, and only when those parts are on', () => {
    const columns = mimoMetrics.columns(everything).map((m) => m.name);
    expect(columns.slice(-aisMetrics.length - 2, -aisMetrics.length)).toEqual([
      'arbitrage_trades',
      'arbitrage_wealth',
    ]);
    const plain = mimoMetrics.columns(mimoParams.parse({})).map((m) => m.name);
    expect(columns.slice(0, plain.length - 8)).toEqual(plain.slice(0, -8)); // up to the per-currency columns
    expect(plain).not.toContain('arbitrage_trades');
    expect(plain).not.toContain('data_revenue_cum');
  });

  it('read the tick’s recount: members’ fiat, and the positive balances of each currency', () => {
    const run = scenarioRun('baseline', small(300, 3));
    run.runToEnd();
    const fiat = run.snapshot().fiat;
    let held = 0;
    for (let i = 0; i < fiat.length; i++) held += fiat[i];
    expect(column(run, 'fiat_total')[2]).toBe(held);
    let supply = 0;
    for (const b of run.snapshot().hours as Float64Array) supply += Math.max(b, 0);
    expect(column(run, 'supply_hours')[2]).toBe(supply / HOUR);
  });
});
