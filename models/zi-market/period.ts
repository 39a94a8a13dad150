import { ASK, BID, NO_ORDER, OrderBook } from '../common/order-book/order-book.js';
import type { Rng } from '../../sim/random/rng.js';

/**
 * One trading period of Gode & Sunder's (1993) zero-intelligence market on the shared CDA order book.
 *
 * Traders 0 .. buyers-1 are buyers (one unit each, a private value), buyers .. buyers+sellers-1 are sellers
 * (one unit each, a private cost); values and costs are fresh uniform integers in [1, maxPrice] each period.
 * The period has `arrivals x (buyers + sellers)` order arrivals. At each, a trader drawn uniformly among those
 * who have not traded yet replaces its resting order (if any) with a new one-unit limit order:
 *   zi-c: a buyer bids uniform in [1, value], a seller asks uniform in [cost, maxPrice];
 *   zi-u: bids and asks uniform in [1, maxPrice], whatever the value or cost.
 * A trade happens at the resting order's price (price-time priority); both traders then leave the period.
 * The period ends early when no trader is left. Each period starts with an empty book.
 */
export class ZiPeriod {
  readonly book = new OrderBook(256);
  /** Value (buyers) or cost (sellers) of each trader this period. */
  readonly reservation: Float64Array;
  /** Trade prices of this period, in order (entries 0 .. trades-1). */
  readonly prices: Float64Array;
  /** Surplus realised by each trade (value - cost), same order. */
  readonly gains: Float64Array;
  /** Units traded by each trader this period (0 or 1). */
  readonly traded: Uint8Array;
  trades = 0;
  /** Trades where the buyer paid above its value or the seller sold below its cost. */
  lossTrades = 0;
  private readonly order: Float64Array;
  private readonly active: Int32Array;
  private readonly position: Int32Array;
  private activeCount = 0;

  constructor(
    readonly buyers: number,
    readonly sellers: number,
  ) {
    const n = buyers + sellers;
    this.reservation = new Float64Array(n);
    this.order = new Float64Array(n);
    this.active = new Int32Array(n);
    this.position = new Int32Array(n);
    this.traded = new Uint8Array(n);
    this.prices = new Float64Array(Math.min(buyers, sellers));
    this.gains = new Float64Array(Math.min(buyers, sellers));
  }

  /** Draws fresh values and costs (stream `values`) and trades one period (stream `orders`). */
  run(values: Rng, orders: Rng, constrained: boolean, maxPrice: number, arrivals: number): void {
    const n = this.buyers + this.sellers;
    const r = this.reservation;
    for (let i = 0; i < n; i++) r[i] = 1 + values.int(maxPrice);
    this.book.clear();
    this.order.fill(NO_ORDER);
    this.traded.fill(0);
    for (let i = 0; i < n; i++) {
      this.active[i] = i;
      this.position[i] = i;
    }
    this.activeCount = n;
    this.trades = 0;
    this.lossTrades = 0;
    const total = arrivals * n;
    for (let a = 0; a < total && this.activeCount > 0; a++) {
      const t = this.active[orders.int(this.activeCount)];
      this.book.cancel(this.order[t]);
      if (t < this.buyers) {
        const bid = constrained ? 1 + orders.int(r[t]) : 1 + orders.int(maxPrice);
        this.order[t] = this.book.submit(BID, t, bid, 1);
      } else {
        const ask = constrained ? r[t] + orders.int(maxPrice - r[t] + 1) : 1 + orders.int(maxPrice);
        this.order[t] = this.book.submit(ASK, t, ask, 1);
      }
      if (this.book.trades.count > 0) this.settle();
    }
  }

  /** Records the (single, one-unit) trade of the last submission; both traders leave the period. */
  private settle(): void {
    const trades = this.book.trades;
    const buyer = trades.buyer[0];
    const seller = trades.seller[0];
    const price = trades.price[0];
    const value = this.reservation[buyer];
    const cost = this.reservation[seller];
    this.prices[this.trades] = price;
    this.gains[this.trades] = value - cost;
    this.trades++;
    if (price > value || price < cost) this.lossTrades++;
    this.traded[buyer]++;
    this.traded[seller]++;
    this.leave(buyer);
    this.leave(seller);
  }

  private leave(t: number): void {
    this.book.cancel(this.order[t]); // the filled order is already gone; this is a no-op then
    this.order[t] = NO_ORDER;
    const at = this.position[t];
    const last = this.active[--this.activeCount];
    this.active[at] = last;
    this.position[last] = at;
  }
}
