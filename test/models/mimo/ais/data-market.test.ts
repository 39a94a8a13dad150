import { describe, expect, it } from 'vitest';
import { dataMarketParams } from '../../../../models/mimo/ais/params.js';
import { reportPrice } from '../../../../models/mimo/ais/data-market.js';
import { DividendPool } from '../../../../models/mimo/dividends/pool.js';
import { aisParamsFor, liveMimo } from './helpers.js';

describe('reportPrice', () => {
  const p = dataMarketParams.parse({ perMember: 20, perRecord: 2, halfNoise: 200 });
  it('is coverage times accuracy: half at noise scale halfNoise, all of it without noise', () => {
    expect(reportPrice(100, 500, 0, p)).toBe(20 * 100 + 2 * 500);
    expect(reportPrice(100, 500, 200, p)).toBe(1500);
    expect(reportPrice(100, 500, 600, p)).toBe(750);
    expect(reportPrice(0, 0, 10, p)).toBe(0);
    expect(reportPrice(101, 500, 200, p)).toBeGreaterThan(reportPrice(100, 500, 200, p));
    expect(reportPrice(100, 500, 201, p)).toBeLessThan(reportPrice(100, 500, 200, p));
  });
});

describe('DividendPool', () => {
  it('takes sales and royalties in as logged flows, keeps the fee, and pays out exactly', () => {
    const pool = new DividendPool();
    expect(pool.receive(1000, 255, 0.1)).toBe(125);
    expect(pool.balance).toBe(1130);
    expect(pool.revenueCum).toBe(1255);
    pool.payOut(1000);
    pool.toReserve(100);
    expect(pool.balance).toBe(30);
    expect(pool.reserve).toBe(100);
    expect(pool.book.conservationError()).toBe(0);
    expect(() => pool.payOut(31)).toThrow(/cannot pay/);
  });
});

describe('the data market in a run', () => {
  it('sells each buyer its reports on schedule, fills the pool net of AIS fees, and resells deterministically', () => {
    const params = aisParamsFor({ ais: { fee: 0.25 }, dividends: { every: 1000 } });
    const { internals, emitted, step } = liveMimo(params);
    const { pool, market } = internals.aisLayer;
    for (let t = 1; t <= 40; t++) step(t);
    // acme buys at 10, 20, 30, 40; civic at 20 and 40 (the first period closes at tick 10).
    expect(market.reports).toBe(6);
    const buyers = emitted
      .filter((e) => e.channel === 'released')
      .map((e) => (e.record as { buyer: string }).buyer);
    expect(new Set(buyers)).toEqual(new Set(['acme', 'civic']));
    expect(pool.revenueCum).toBeGreaterThan(0);
    expect(pool.feesCum).toBe(pool.book.balances[1]);
    expect(pool.balance).toBe(pool.revenueCum - pool.feesCum);
    // Royalties came from resales (default chance 0.4 on 3 potential second buyers, six reports).
    expect(pool.book.flowTotals[pool.royaltiesFlow]).toBeGreaterThan(0);
    expect(pool.book.flowTotals[pool.salesFlow] + pool.book.flowTotals[pool.royaltiesFlow]).toBe(
      pool.revenueCum,
    );
  });
});
