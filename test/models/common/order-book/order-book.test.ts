import { describe, expect, it } from 'vitest';
import { ASK, BID, NO_ORDER, NO_PRICE, OrderBook } from '../../../../models/common/order-book/order-book.js';
import { stream } from '../../../../sim/random/streams.js';

/** The trades of the last submit as plain rows, for readable assertions. */
function tradesOf(book: OrderBook): number[][] {
  const t = book.trades;
  return Array.from({ length: t.count }, (_, i) => [t.price[i], t.quantity[i], t.buyer[i], t.seller[i]]);
}

describe('OrderBook', () => {
  it('rests non-crossing orders and reports best bid, best ask and depth', () => {
    const book = new OrderBook();
    expect(book.bestBid()).toBe(NO_PRICE);
    expect(book.bestAsk()).toBe(NO_PRICE);
    book.submit(BID, 1, 98, 5);
    book.submit(BID, 2, 99, 3);
    book.submit(BID, 3, 98, 2);
    book.submit(ASK, 4, 101, 4);
    book.submit(ASK, 5, 103, 1);
    expect(book.trades.count).toBe(0);
    expect(book.bestBid()).toBe(99);
    expect(book.bestAsk()).toBe(101);
    expect(book.levels(BID)).toBe(2);
    const prices = new Float64Array(5);
    const quantities = new Float64Array(5);
    expect(book.depth(BID, prices, quantities)).toBe(2);
    expect([...prices.subarray(0, 2)]).toEqual([99, 98]);
    expect([...quantities.subarray(0, 2)]).toEqual([3, 7]);
    expect(book.depth(ASK, prices, quantities)).toBe(2);
    expect([...prices.subarray(0, 2)]).toEqual([101, 103]);
    expect(book.quantityAt(BID, 98)).toBe(7);
    expect(book.levelPrice(ASK, 1)).toBe(103);
    expect(book.levelPrice(ASK, 2)).toBe(NO_PRICE);
    expect(book.orderCount).toBe(5);
    expect(book.check()).toBeNull();
  });

  it('matches best price first, then oldest first, at the resting price', () => {
    const book = new OrderBook();
    book.submit(ASK, 10, 102, 2); // worse price, first in time
    book.submit(ASK, 11, 101, 2); // best price, first at its level
    book.submit(ASK, 12, 101, 2); // best price, second at its level
    const rest = book.submit(BID, 20, 105, 5);
    expect(rest).toBe(NO_ORDER);
    // Buyer 20 pays 101 twice (owner 11 before 12), then 102: never its own limit 105.
    expect(tradesOf(book)).toEqual([
      [101, 2, 20, 11],
      [101, 2, 20, 12],
      [102, 1, 20, 10],
    ]);
    expect(book.lastFilled).toBe(5);
    expect(book.bestAsk()).toBe(102);
    expect(book.quantityAt(ASK, 102)).toBe(1);
    expect(book.check()).toBeNull();
  });

  it('an incoming ask trades at the resting bid price', () => {
    const book = new OrderBook();
    book.submit(BID, 1, 90, 1);
    book.submit(ASK, 2, 80, 1);
    expect(tradesOf(book)).toEqual([[90, 1, 1, 2]]);
  });

  it('fills partially: the resting order keeps its place, the incoming remainder rests at its limit', () => {
    const book = new OrderBook();
    const a = book.submit(ASK, 1, 100, 10);
    const b = book.submit(ASK, 2, 100, 10);
    book.submit(BID, 3, 100, 4);
    expect(tradesOf(book)).toEqual([[100, 4, 3, 1]]);
    expect(book.remaining(a)).toBe(6);
    expect(book.remaining(b)).toBe(10);
    book.submit(BID, 4, 100, 7); // takes a's 6, then 1 from b: a kept its priority after the partial fill
    expect(tradesOf(book)).toEqual([
      [100, 6, 4, 1],
      [100, 1, 4, 2],
    ]);
    expect(book.isLive(a)).toBe(false);
    const c = book.submit(BID, 5, 100, 20); // 9 left from b, 11 rest as a bid at 100
    expect(book.lastFilled).toBe(9);
    expect(book.remaining(c)).toBe(11);
    expect(book.bestBid()).toBe(100);
    expect(book.bestAsk()).toBe(NO_PRICE);
    expect(book.check()).toBeNull();
  });

  it('drops the remainder of an immediate-or-cancel order', () => {
    const book = new OrderBook();
    book.submit(ASK, 1, 50, 3);
    expect(book.submit(BID, 2, 60, 5, true)).toBe(NO_ORDER);
    expect(book.lastFilled).toBe(3);
    expect(book.orderCount).toBe(0);
    expect(book.bestBid()).toBe(NO_PRICE);
  });

  it('cancels: removes the open quantity, empties the level, makes the handle stale', () => {
    const book = new OrderBook();
    const a = book.submit(BID, 1, 100, 3);
    const b = book.submit(BID, 2, 100, 4);
    const c = book.submit(BID, 3, 100, 5);
    expect(book.cancel(b)).toBe(4); // from the middle of the queue
    expect(book.quantityAt(BID, 100)).toBe(8);
    expect(book.cancel(b)).toBe(0);
    expect(book.check()).toBeNull();
    book.submit(ASK, 9, 100, 4);
    expect(tradesOf(book)).toEqual([
      [100, 3, 1, 9],
      [100, 1, 3, 9],
    ]);
    expect(book.cancel(a)).toBe(0); // filled: stale
    expect(book.cancel(c)).toBe(4);
    expect(book.levels(BID)).toBe(0);
    // A new order reuses the freed slot but not the old handles.
    const d = book.submit(BID, 4, 90, 1);
    expect([a, b, c]).not.toContain(d);
    expect(book.isLive(c)).toBe(false);
    expect(book.cancel(c)).toBe(0);
    expect(book.remaining(d)).toBe(1);
    expect(book.cancel(-1)).toBe(0);
  });

  it('rejects non-integer or non-positive prices and quantities', () => {
    const book = new OrderBook();
    expect(() => book.submit(BID, 1, 10.5, 1)).toThrow(/price: an integer >= 1 \(got 10.5\)/);
    expect(() => book.submit(BID, 1, 10, 0)).toThrow(/quantity/);
    expect(() => book.submit(ASK, 1, 0, 1)).toThrow(/price/);
    expect(() => book.submit(ASK, -2, 5, 1)).toThrow(/owner: an int32 >= 0 \(got -2\)/);
  });

  it('conserves quantity and never stays crossed under random order flow (with growth and cancels)', () => {
    const rng = stream(5, 0, 'book-test');
    const book = new OrderBook(2); // tiny: forces the pool and the levels to grow
    const handles: number[] = [];
    let submitted = 0;
    let traded = 0;
    let cancelled = 0;
    let dropped = 0;
    const bought = new Float64Array(50);
    const sold = new Float64Array(50);
    for (let i = 0; i < 8000; i++) {
      if (handles.length > 0 && rng.chance(0.2)) {
        const k = rng.int(handles.length);
        cancelled += book.cancel(handles[k]);
        handles[k] = handles[handles.length - 1];
        handles.pop();
        continue;
      }
      const side = rng.chance(0.5) ? BID : ASK;
      const price = 90 + rng.int(21);
      const quantity = 1 + rng.int(9);
      const owner = rng.int(50);
      const ioc = rng.chance(0.1);
      const bestBefore = side === BID ? book.bestAsk() : book.bestBid();
      const h = book.submit(side, owner, price, quantity, ioc);
      submitted += quantity;
      const t = book.trades;
      let filled = 0;
      for (let j = 0; j < t.count; j++) {
        filled += t.quantity[j];
        // Never worse than the limit, never better than the best resting price before the order.
        if (side === BID) expect(t.price[j] >= bestBefore && t.price[j] <= price).toBe(true);
        else expect(t.price[j] <= bestBefore && t.price[j] >= price).toBe(true);
        // Prices of successive trades of one order only get worse for the taker.
        if (j > 0)
          expect(side === BID ? t.price[j] >= t.price[j - 1] : t.price[j] <= t.price[j - 1]).toBe(true);
        bought[t.buyer[j]] += t.quantity[j];
        sold[t.seller[j]] += t.quantity[j];
      }
      expect(filled).toBe(book.lastFilled);
      traded += 2 * filled;
      if (h !== NO_ORDER) {
        handles.push(h);
        expect(book.remaining(h)).toBe(quantity - filled);
      } else if (ioc) dropped += quantity - filled;
      else expect(filled).toBe(quantity);
      if (i % 97 === 0) expect(book.check()).toBeNull();
      const bid = book.bestBid();
      const ask = book.bestAsk();
      if (bid !== NO_PRICE && ask !== NO_PRICE) expect(bid).toBeLessThan(ask);
    }
    expect(book.check()).toBeNull();
    const resting = book.totalQuantity(BID) + book.totalQuantity(ASK);
    // Every unit submitted is traded (counted once per side), cancelled, dropped (IOC) or still resting.
    expect(submitted).toBe(traded + cancelled + dropped + resting);
    expect(bought.reduce((a, b) => a + b)).toBe(sold.reduce((a, b) => a + b));
    expect(traded).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);
    // Handles still live are exactly the resting orders (the others were filled).
    expect(book.orderCount).toBe(handles.filter((h) => book.isLive(h)).length);
  });

  it('clears every order and keeps working', () => {
    const book = new OrderBook();
    const h = book.submit(BID, 1, 10, 1);
    book.submit(ASK, 2, 12, 1);
    book.clear();
    expect(book.orderCount).toBe(0);
    expect(book.isLive(h)).toBe(false);
    expect(book.bestBid()).toBe(NO_PRICE);
    book.submit(ASK, 2, 12, 1);
    book.submit(BID, 1, 12, 1);
    expect(tradesOf(book)).toEqual([[12, 1, 1, 2]]);
    expect(book.check()).toBeNull();
  });
});
