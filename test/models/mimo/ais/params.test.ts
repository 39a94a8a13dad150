import { describe, expect, it } from 'vitest';
import { aisMetrics } from '../../../../models/mimo/ais/metrics.js';
import { mimo } from '../../../../models/mimo/model.js';
import { mimoParams } from '../../../../models/mimo/params.js';

const groups = [
  { name: 'hours', issuance: 'mutual-credit' },
  { name: 'tokens', issuance: 'fixed' },
];

function problems(params: Record<string, unknown>): string[] {
  const r = mimoParams.safeParse({ groups, ...params });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('AIS params', () => {
  it('are off by default: no AIS metric columns, so existing runs are unchanged', () => {
    const p = mimoParams.parse({});
    expect(p.ais.enabled).toBe(false);
    const names = mimo.metrics(p).map((m) => m.name);
    for (const m of aisMetrics) expect(names).not.toContain(m.name);
    const on = mimo.metrics(mimoParams.parse({ ais: { enabled: true } })).map((m) => m.name);
    expect(on.slice(-aisMetrics.length)).toEqual(aisMetrics.map((m) => m.name));
  });

  it('require the dividend currency to exist and not be mutual credit', () => {
    expect(problems({ dividends: { currency: 'euros' } })).toEqual([
      'dividends.currency: no currency named "euros" (known: fiat, hours, tokens)',
    ]);
    expect(problems({ dividends: { currency: 'hours' } })[0]).toMatch(
      /^dividends\.currency: "hours" is mutual credit/,
    );
    expect(problems({ dividends: { currency: 'tokens' } })).toEqual([]);
    expect(problems({ dividends: { currency: 'fiat' } })).toEqual([]);
  });

  it('refuse a bad formula with the formula and a caret', () => {
    const [message] = problems({ dividends: { formula: 'records + evaluate("1")' } });
    expect(message).toContain('records + evaluate("1")');
    expect(message).toMatch(/\n\s+\^/);
  });

  it('refuse information goods without AIS or in an unknown currency, and duplicate buyers', () => {
    expect(problems({ infoGoods: { enabled: true } })).toEqual([
      'infoGoods.enabled: needs ais.enabled: true',
    ]);
    expect(problems({ ais: { enabled: true }, infoGoods: { enabled: true, currency: 'fiat' } })).toEqual([
      'infoGoods.currency: no cultural currency named "fiat" (known: hours, tokens)',
    ]);
    expect(problems({ dataMarket: { buyers: [{ name: 'acme' }, { name: 'acme' }] } })).toEqual([
      'dataMarket.buyers.1.name: "acme" is already a buyer: names must be unique',
    ]);
  });
});
