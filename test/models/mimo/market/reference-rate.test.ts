import { describe, expect, it } from 'vitest';
import { ASK, BID, OrderBook } from '../../../../models/common/order-book/order-book.js';
import { CurrencyPairs } from '../../../../models/mimo/market/pairs.js';
import { ReferenceRate } from '../../../../models/mimo/market/reference-rate.js';

describe('ReferenceRate', () => {
  it('is the volume-weighted mean price of the trades in the window (closed form)', () => {
    const r = new ReferenceRate(2, 3);
    r.record(0, 100, 1);
    r.record(0, 110, 3);
    r.closeTick();
    // (100*1 + 110*3) / 4 = 107.5
    expect(r.rate(0)).toBe(107.5);
    expect(r.rate(1)).toBeNaN(); // no trade yet, no initial rate
    r.record(0, 90, 4);
    r.record(1, 7, 2);
    r.closeTick();
    // (100 + 330 + 360) / 8 = 98.75
    expect(r.rate(0)).toBe(98.75);
    expect(r.windowVolume(0)).toBe(8);
    expect(r.windowValue(0)).toBe(790);
    expect(r.rate(1)).toBe(7);
  });

  it('rolls trades off after `window` ticks', () => {
    const r = new ReferenceRate(1, 2);
    r.record(0, 100, 1);
    r.closeTick(); // window: [t1]
    r.record(0, 200, 1);
    r.closeTick(); // window: [t1, t2] -> 150
    expect(r.rate(0)).toBe(150);
    r.record(0, 400, 3);
    r.closeTick(); // window: [t2, t3] -> (200 + 1200) / 4 = 350; t1 rolled off
    expect(r.rate(0)).toBe(350);
    r.closeTick(); // window: [t3, t4 (empty)] -> 400
    expect(r.rate(0)).toBe(400);
    expect(r.windowVolume(0)).toBe(3);
  });

  it('carries the previous rate when the window has no trades', () => {
    const r = new ReferenceRate(1, 2, 50);
    expect(r.rate(0)).toBe(50);
    r.closeTick();
    expect(r.rate(0)).toBe(50); // initial rate carried
    r.record(0, 60, 2);
    r.closeTick();
    expect(r.rate(0)).toBe(60);
    for (let t = 0; t < 5; t++) r.closeTick(); // the trade rolls off, the window stays empty
    expect(r.windowVolume(0)).toBe(0);
    expect(r.rate(0)).toBe(60);
  });

  it('takes per-pair initial rates and setRate', () => {
    const r = new ReferenceRate(3, 4, [1, 2, 3]);
    expect([r.rate(0), r.rate(1), r.rate(2)]).toEqual([1, 2, 3]);
    r.setRate(1, 9);
    r.closeTick();
    expect(r.rate(1)).toBe(9);
  });

  it('volatility is the population sd of the log changes of the rate over the window', () => {
    const r = new ReferenceRate(1, 1, 100);
    // window 1: the rate is each tick's own VWAP, so the log changes are known exactly.
    const prices = [110, 99, 99, 120];
    for (const p of prices) {
      r.record(0, p, 1);
      r.closeTick();
    }
    // Only the last change counts in a 1-tick window: one value, sd 0.
    expect(r.volatility(0)).toBe(0);

    const w = new ReferenceRate(1, 4, 100);
    for (const p of prices) {
      w.record(0, p, 1);
      w.closeTick();
    }
    // Rates of a 4-tick window: 110, (110+99)/2, (110+99+99)/3, (110+99+99+120)/4.
    const rates = [100, 110, 104.5, 308 / 3, 107];
    const changes = rates.slice(1).map((x, i) => Math.log(x / rates[i]));
    const m = changes.reduce((a, b) => a + b) / changes.length;
    const sd = Math.sqrt(changes.reduce((a, b) => a + (b - m) ** 2, 0) / changes.length);
    expect(w.rate(0)).toBe(107);
    expect(w.volatility(0)).toBeCloseTo(sd, 12);
    expect(w.volatility(0)).toBeGreaterThan(0);
  });

  it('counts a carried rate as a change of 0 and skips ticks without a rate', () => {
    const r = new ReferenceRate(1, 3); // no initial rate
    r.closeTick(); // NaN -> NaN: no change recorded
    r.record(0, 100, 1);
    r.closeTick(); // NaN -> 100: no change recorded
    expect(r.volatility(0)).toBe(0);
    r.record(0, 300, 1);
    r.closeTick(); // 100 -> 200: ln 2
    // Window holds: (none), (none), ln 2 -> one change, sd 0
    expect(r.volatility(0)).toBe(0);
    r.closeTick(); // empty tick; window [t2, t3, t4] -> (100 + 300) / 2 = 200 again: change 0
    // Changes in window: none (t2), ln 2 (t3), 0 (t4): sd = ln2 / 2
    expect(r.rate(0)).toBe(200);
    expect(r.volatility(0)).toBeCloseTo(Math.LN2 / 2, 12);
  });

  it('rejects a bad window or pair count', () => {
    expect(() => new ReferenceRate(1, 0)).toThrow(/window: an integer >= 1 tick \(got 0\)/);
    expect(() => new ReferenceRate(0, 3)).toThrow(/pairs/);
  });

  it('takes its trades from one order book per pair, as the mimo market feeds it', () => {
    const pairs = new CurrencyPairs(3); // fiat, two cultural currencies
    const books = Array.from({ length: pairs.count }, () => new OrderBook());
    const rates = new ReferenceRate(pairs.count, 5);
    const feed = (pair: number) => {
      const t = books[pair].trades;
      for (let i = 0; i < t.count; i++) rates.record(pair, t.price[i], t.quantity[i]);
    };
    const fiatOf1 = pairs.index(1, 0);
    books[fiatOf1].submit(ASK, 1, 1500, 2); // sells 2 units of currency 1 at 15.00 fiat
    books[fiatOf1].submit(ASK, 2, 1600, 2);
    books[fiatOf1].submit(BID, 3, 1600, 3); // buys 2 at 1500, 1 at 1600
    feed(fiatOf1);
    rates.closeTick();
    expect(rates.rate(fiatOf1)).toBe((2 * 1500 + 1600) / 3);
    expect(rates.rate(pairs.index(1, 2))).toBeNaN();
  });
});
