import { NO_ORDER, OrderPool } from './order-pool.js';
import { PriceLadder } from './price-ladder.js';
import { TradeBuffer } from './trade-buffer.js';

export { NO_ORDER } from './order-pool.js';
export { TradeBuffer } from './trade-buffer.js';

/** Side of an order: a bid buys the base currency, an ask sells it. */
export const BID = 0;
export const ASK = 1;
export type Side = typeof BID | typeof ASK;
/** What `bestBid`/`bestAsk` return for an empty side (valid prices are >= 1). */
export const NO_PRICE = 0;

/**
 * A continuous double auction order book for one pair (base currency traded against a quote currency).
 * It knows nothing of agents or money: an owner is an opaque integer id, prices and quantities are integers
 * whose units the caller chooses (convention: price in minor units of the quote per unit of the base,
 * quantity in units of the base); the book never moves money, it only reports trades.
 *
 * Matching rules (price-time priority):
 * 1. Prices and quantities are integers >= 1. An incoming order first matches against the opposite side: a
 *    bid crosses while its price >= the best ask, an ask while its price <= the best bid.
 * 2. Resting orders are matched best price first; at one price, oldest first (FIFO by arrival).
 * 3. Every trade happens at the price of the resting (maker) order, never the incoming one, so an incoming
 *    order can only get a better price than its limit.
 * 4. Fills may be partial on either side: each trade moves min(incoming open, resting open) units; a
 *    resting order filled completely leaves the book, a partly filled one keeps its place in the queue.
 * 5. What the incoming order still has open afterwards rests at its limit price, at the back of its level's
 *    queue; an immediate-or-cancel order's remainder is dropped instead.
 * 6. Hence the book is never left crossed: after every call, best bid < best ask (when both exist).
 * 7. Cancelling removes an order's open quantity; its handle becomes stale (any later call with it is a
 *    no-op). Self-matching is not prevented: owners are labels, the caller decides who may trade.
 * The trades of one `submit` are written to `trades` (cleared at the start of each submit), in the order they
 * happened.
 */
export class OrderBook {
  /** The trades of the most recent `submit`. */
  readonly trades = new TradeBuffer();
  /** Quantity the most recent `submit` filled. */
  lastFilled = 0;
  private readonly pool: OrderPool;
  private readonly ladders: readonly [PriceLadder, PriceLadder];

  constructor(capacity = 64) {
    this.pool = new OrderPool(capacity);
    this.ladders = [new PriceLadder(1), new PriceLadder(-1)];
  }

  /**
   * Places a limit order; matches what crosses (see the class comment) and rests the rest unless `ioc`.
   * Returns the handle of the resting remainder, or NO_ORDER if nothing rests.
   */
  submit(side: Side, owner: number, price: number, quantity: number, ioc = false): number {
    checkInteger('price', price);
    checkInteger('quantity', quantity);
    if (side !== BID && side !== ASK) throw new RangeError(`side: 0 (bid) or 1 (ask) (got ${side})`);
    if ((owner | 0) !== owner || owner < 0) throw new RangeError(`owner: an int32 >= 0 (got ${owner})`);
    const trades = this.trades;
    trades.clear();
    const pool = this.pool;
    const opposite = this.ladders[1 - side];
    let open = quantity;
    while (open > 0 && opposite.count > 0) {
      const level = opposite.count - 1;
      const levelPrice = opposite.price(level);
      if (side === BID ? levelPrice > price : levelPrice < price) break;
      let o = opposite.head[level];
      while (open > 0 && o !== NO_ORDER) {
        const q = Math.min(open, pool.remaining[o]);
        const maker = pool.handle(o);
        if (side === BID) trades.push(levelPrice, q, owner, pool.owner[o], maker);
        else trades.push(levelPrice, q, pool.owner[o], owner, maker);
        open -= q;
        opposite.quantity[level] -= q;
        pool.remaining[o] -= q;
        if (pool.remaining[o] === 0) {
          const next = pool.next[o];
          pool.free(o);
          o = next;
        }
      }
      opposite.head[level] = o;
      if (o === NO_ORDER) opposite.remove(level);
      else pool.prev[o] = NO_ORDER;
    }
    this.lastFilled = quantity - open;
    if (open === 0 || ioc) return NO_ORDER;
    return this.rest(side, owner, price, open);
  }

  /** Cancels a resting order; returns the open quantity removed (0 if the handle is not live). */
  cancel(handle: number): number {
    const pool = this.pool;
    const s = pool.slot(handle);
    if (s === NO_ORDER) return 0;
    const ladder = this.ladders[pool.side[s]];
    const level = ladder.find(pool.price[s]);
    const open = pool.remaining[s];
    const prev = pool.prev[s];
    const next = pool.next[s];
    if (prev === NO_ORDER) ladder.head[level] = next;
    else pool.next[prev] = next;
    if (next === NO_ORDER) ladder.tail[level] = prev;
    else pool.prev[next] = prev;
    ladder.quantity[level] -= open;
    if (ladder.head[level] === NO_ORDER) ladder.remove(level);
    pool.free(s);
    return open;
  }

  /** Cancels every resting order (handles become stale); keeps the storage. */
  clear(): void {
    for (const ladder of this.ladders) {
      for (let level = 0; level < ladder.count; level++) {
        let o = ladder.head[level];
        while (o !== NO_ORDER) {
          const next = this.pool.next[o];
          this.pool.free(o);
          o = next;
        }
      }
      ladder.count = 0;
    }
  }

  /** Highest bid price, or NO_PRICE if there is no bid. */
  bestBid(): number {
    const l = this.ladders[BID];
    return l.count > 0 ? l.price(l.count - 1) : NO_PRICE;
  }

  /** Lowest ask price, or NO_PRICE if there is no ask. */
  bestAsk(): number {
    const l = this.ladders[ASK];
    return l.count > 0 ? l.price(l.count - 1) : NO_PRICE;
  }

  /** Number of distinct price levels on a side. */
  levels(side: Side): number {
    return this.ladders[side].count;
  }

  /** Price of the `i`-th best level of a side (i = 0: best), or NO_PRICE past the last level. */
  levelPrice(side: Side, i: number): number {
    const l = this.ladders[side];
    return i >= 0 && i < l.count ? l.price(l.count - 1 - i) : NO_PRICE;
  }

  /** Open quantity at the `i`-th best level of a side (0 past the last level). */
  levelQuantity(side: Side, i: number): number {
    const l = this.ladders[side];
    return i >= 0 && i < l.count ? l.quantity[l.count - 1 - i] : 0;
  }

  /** Writes up to `prices.length` best levels of a side into `prices`/`quantities`; returns how many. */
  depth(side: Side, prices: Float64Array, quantities: Float64Array): number {
    const l = this.ladders[side];
    const n = Math.min(prices.length, quantities.length, l.count);
    for (let i = 0; i < n; i++) {
      prices[i] = l.price(l.count - 1 - i);
      quantities[i] = l.quantity[l.count - 1 - i];
    }
    return n;
  }

  /** Open quantity resting at exactly `price` on a side. */
  quantityAt(side: Side, price: number): number {
    const l = this.ladders[side];
    const i = l.find(price);
    return i >= 0 ? l.quantity[i] : 0;
  }

  /** Total open quantity on a side. */
  totalQuantity(side: Side): number {
    const l = this.ladders[side];
    let q = 0;
    for (let i = 0; i < l.count; i++) q += l.quantity[i];
    return q;
  }

  /** Resting orders on both sides. */
  get orderCount(): number {
    return this.pool.size;
  }

  /** True while the handle names a resting order. */
  isLive(handle: number): boolean {
    return this.pool.slot(handle) !== NO_ORDER;
  }

  /** Open quantity of a resting order (0 if the handle is not live). */
  remaining(handle: number): number {
    const s = this.pool.slot(handle);
    return s === NO_ORDER ? 0 : this.pool.remaining[s];
  }

  /** Owner id of a resting order (-1 if the handle is not live). */
  ownerOf(handle: number): number {
    const s = this.pool.slot(handle);
    return s === NO_ORDER ? -1 : this.pool.owner[s];
  }

  /** Limit price of a resting order (NO_PRICE if the handle is not live). */
  priceOf(handle: number): number {
    const s = this.pool.slot(handle);
    return s === NO_ORDER ? NO_PRICE : this.pool.price[s];
  }

  /** Checks the book's structure; returns the first problem found, or null. For tests and invariants. */
  check(): string | null {
    const bid = this.bestBid();
    const ask = this.bestAsk();
    if (bid !== NO_PRICE && ask !== NO_PRICE && bid >= ask) return `crossed book: bid ${bid} >= ask ${ask}`;
    let orders = 0;
    for (let side = 0; side < 2; side++) {
      const l = this.ladders[side];
      for (let i = 0; i < l.count; i++) {
        if (i > 0 && l.key[i] <= l.key[i - 1]) return `side ${side}: levels out of order at ${i}`;
        let q = 0;
        let prev = NO_ORDER;
        for (let o = l.head[i]; o !== NO_ORDER; o = this.pool.next[o]) {
          if (this.pool.prev[o] !== prev) return `side ${side} level ${i}: broken back link`;
          if (this.pool.price[o] !== l.price(i) || this.pool.side[o] !== side)
            return `side ${side} level ${i}: order ${o} misfiled`;
          if (!(this.pool.remaining[o] >= 1)) return `order ${o}: open quantity ${this.pool.remaining[o]}`;
          q += this.pool.remaining[o];
          prev = o;
          orders++;
        }
        if (prev === NO_ORDER) return `side ${side} level ${i}: empty level`;
        if (l.tail[i] !== prev) return `side ${side} level ${i}: wrong tail`;
        if (q !== l.quantity[i]) return `side ${side} level ${i}: quantity ${l.quantity[i]} != ${q}`;
      }
    }
    return orders === this.pool.size ? null : `${this.pool.size} orders held, ${orders} in levels`;
  }

  private rest(side: Side, owner: number, price: number, open: number): number {
    const pool = this.pool;
    const ladder = this.ladders[side];
    let level = ladder.find(price);
    if (level < 0) level = ladder.insert(-level - 1, price);
    const s = pool.allocate(side, owner, price, open);
    const tail = ladder.tail[level];
    if (tail === NO_ORDER) ladder.head[level] = s;
    else {
      pool.next[tail] = s;
      pool.prev[s] = tail;
    }
    ladder.tail[level] = s;
    ladder.quantity[level] += open;
    return pool.handle(s);
  }
}

function checkInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name}: an integer >= 1 (got ${value})`);
}
