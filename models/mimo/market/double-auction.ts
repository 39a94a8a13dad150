import type { Rng } from '../../../sim/random/rng.js';
import type { Economy } from '../economy/economy.js';
import { HOUR, type MimoParams } from '../params.js';
import type { TradeStats } from '../trading/trade.js';
import type { CurrencyRates } from './currency-rates.js';
import type { HourValue } from './hour-value.js';
import { ASK, BID, NO_ORDER, OrderBook, type Side } from '../../common/order-book/order-book.js';

/** What an immediate-or-cancel order filled: the minor units its taker received and paid (fee excluded). */
export class Fill {
  received = 0;
  paid = 0;
}

/**
 * The continuous double auction of the currency market: one order book per pair of currencies (price-time
 * priority). A pair {a, b}, a < b, trades its base b in lots of one hour (HOUR minor units) at a price in minor
 * units of its quote a per lot, so fiat quotes every cultural currency and the lower-numbered of two cultural
 * currencies quotes the other.
 *
 * Makers: when a tick opens, for each currency and each of its pairs, a share `makers` of the currency's group
 * are drawn; each values the pair's base in its quote by its own use values (`HourValue`: base value / quote
 * value) and, as a budget-constrained zero-intelligence trader (Gode & Sunder 1993), asks up to `spread` above that
 * for the lots of the base it would sell there, and bids up to `spread` below it for the lots it would buy, within
 * what it holds of the quote. The reference rate plays no part. What an order offers waits in the market's escrow
 * account until the order fills or the tick closes.
 * Takers: a member who needs a currency sends an immediate-or-cancel order on the pair of what it needs and what
 * it pays with, limited by the fiat the hours save it; it fills at the makers' prices.
 */
export class DoubleAuction {
  private readonly books: OrderBook[];
  // The makers' resting orders of this tick: handle, pair, side.
  private handles = new Float64Array(256);
  private pairOf = new Int32Array(256);
  private sideOf = new Uint8Array(256);
  private live = 0;
  /** What this market's own takers' orders filled (`buy`). */
  private readonly fill = new Fill();

  constructor(
    private readonly economy: Economy,
    private readonly rates: CurrencyRates,
    private readonly rng: Rng,
    private readonly stats: TradeStats,
    private readonly hourValue: HourValue,
  ) {
    this.books = Array.from({ length: rates.pairs.count }, () => new OrderBook());
  }

  /** Makers post their offers on every pair. */
  open(p: MimoParams): void {
    const { makers, spread } = p.market;
    const { rng, economy } = this;
    // Fiat pairs first, then the pairs of two cultural currencies.
    for (let other = 0; other < economy.count; other++) {
      for (let c = 1; c < economy.count; c++) {
        if (c === other) continue;
        const members = this.economy.membersOf(c);
        const count = Math.round(makers * members.length);
        for (let k = 0; k < count; k++) this.quote(members[rng.int(members.length)], c, other, spread);
      }
    }
  }

  /** Cancels what is still open, returns the escrow to its owners, and clears the books. */
  close(): void {
    const { currencies, escrow } = this.economy;
    const pairs = this.rates.pairs;
    for (let k = 0; k < this.live; k++) {
      const pair = this.pairOf[k];
      const book = this.books[pair];
      const handle = this.handles[k];
      if (!book.isLive(handle)) continue;
      const owner = book.ownerOf(handle);
      const price = book.priceOf(handle);
      const open = book.cancel(handle);
      if (this.sideOf[k] === ASK) currencies[pairs.base[pair]].transfer(escrow, owner, open * HOUR);
      else currencies[pairs.quote[pair]].transfer(escrow, owner, open * price);
    }
    this.live = 0;
  }

  /**
   * `buyer` obtains at least `lots` lots of `get`, paying in `pay`, by an immediate-or-cancel order limited by its
   * use value: the hour saves it `saves` fiat, and a unit of `pay` is worth to it its own value (fewer lots if it
   * cannot pay that much). Returns the minor units of `get` obtained; fiat legs pay the exchange fee.
   */
  buy(buyer: number, get: number, pay: number, lots: number, saves: number, p: MimoParams): number {
    const pair = this.rates.pairs.index(get, pay);
    const payValue = Math.max(1e-9, this.hourValue.value(buyer, pay));
    const payBook = this.economy.currencies[pay];
    const fee = pay === 0 ? 1 + p.fees.exchange : 1;
    let got: number;
    if (get > pay) {
      // Buy the base with a bid: pay at most what a lot of it saves, in `pay`.
      const limit = Math.min(payBook.available(buyer), Math.max(1, Math.floor((saves * HOUR) / payValue)));
      const affordable = Math.min(lots, Math.floor(payBook.available(buyer) / (limit * fee)));
      if (affordable < 1) return 0;
      got = this.take(buyer, pair, BID, limit, affordable, p.fees.exchange, this.fill);
    } else {
      // Buy the quote by selling the base with an ask: take at least what a lot of the base is worth to the buyer.
      const limit = Math.max(1, Math.ceil((payValue * HOUR) / saves));
      const sell = Math.min(Math.ceil((lots * HOUR) / limit), Math.floor(payBook.available(buyer) / HOUR));
      if (sell < 1) return 0;
      got = this.take(buyer, pair, ASK, limit, sell, p.fees.exchange, this.fill);
    }
    if (got > 0) {
      this.stats.swaps++;
      if (pay !== 0) this.stats.culturalSwaps++;
      else this.stats.fiatPaid += this.fill.paid;
    }
    return got;
  }

  /** The order book of a pair, to read its best prices (orders go through `buy`, `take` and `post`). */
  book(pair: number): OrderBook {
    return this.books[pair];
  }

  /**
   * An immediate-or-cancel order of `taker` on `pair` at `price` for `lots` lots, settled at once: the taker pays
   * its side (and the exchange fee at `feeRate` if it pays fiat), the escrow pays the makers'. The taker must be
   * able to pay `lots` at `price`, fee included. Writes what it received and paid into `fill` and returns the
   * minor units received. Counts nothing in the trade stats: the caller decides what the trade was.
   */
  take(
    taker: number,
    pair: number,
    side: Side,
    price: number,
    lots: number,
    feeRate: number,
    fill: Fill,
  ): number {
    this.books[pair].submit(side, taker, price, lots, true);
    this.settleTaker(taker, pair, side, feeRate, fill);
    return fill.received;
  }

  /** Moves the money of the taker's trades: the taker pays its side, the escrow pays the maker's. */
  private settleTaker(taker: number, pair: number, side: Side, feeRate: number, fill: Fill): void {
    const { currencies, escrow, fiat } = this.economy;
    const pairs = this.rates.pairs;
    const get = side === BID ? pairs.base[pair] : pairs.quote[pair];
    const pay = side === BID ? pairs.quote[pair] : pairs.base[pair];
    const trades = this.books[pair].trades;
    let got = 0;
    let paidTotal = 0;
    for (let t = 0; t < trades.count; t++) {
      const lots = trades.quantity[t];
      const quote = trades.price[t] * lots;
      const base = lots * HOUR;
      // Affordability was checked at the taker's limit, and makers' offers sit in escrow: no leg can be refused.
      const maker = side === BID ? trades.seller[t] : trades.buyer[t];
      const paid = side === BID ? quote : base;
      const received = side === BID ? base : quote;
      currencies[pay].transfer(taker, maker, paid);
      currencies[get].transfer(escrow, taker, received);
      if (pay === 0) {
        const fee = Math.floor(paid * feeRate);
        if (fee > 0) fiat.outflow(taker, fee, this.economy.flows.exchangeFee);
      }
      this.rates.record(get, received, pay, paid);
      this.stats.turnover[get] += received;
      this.stats.turnover[pay] += paid;
      got += received;
      paidTotal += paid;
    }
    fill.received = got;
    fill.paid = paidTotal;
  }

  /**
   * One maker drawn for currency `c` on its pair with `other`: at its own value of the base in the quote, an ask for
   * the base lots it would sell up to `spread` above it, and a bid for the lots it would buy up to `spread` below
   * it, each at most 5 lots and from what it holds (not from credit).
   */
  private quote(maker: number, c: number, other: number, spread: number): void {
    const { hourValue } = this;
    const pair = this.rates.pairs.index(c, other);
    const base = this.rates.pairs.base[pair];
    const quote = this.rates.pairs.quote[pair];
    const quoteValue = hourValue.value(maker, quote); // fiat per HOUR minor units of the quote
    if (!(quoteValue > 0)) return;
    const worth = (hourValue.value(maker, base) * HOUR) / quoteValue; // quote minor units per lot of base
    const ask = Math.max(1, Math.ceil(worth * (1 + spread * this.rng.float())));
    const sell = hourValue.lotsToSell(maker, base, (ask * quoteValue) / HOUR, 5);
    if (sell >= 1) this.post(maker, pair, ASK, ask, sell);
    const bid = Math.min(ask - 1, Math.floor(worth * (1 - spread * this.rng.float())));
    if (bid < 1) return;
    const held = Math.floor(Math.max(0, this.economy.currencies[quote].balances[maker]) / bid);
    const buy = hourValue.lotsToBuy(maker, base, (bid * quoteValue) / HOUR, Math.min(5, held));
    if (buy >= 1) this.post(maker, pair, BID, bid, buy);
  }

  /** Puts a maker's order in escrow and in the book, settling at once what it crosses. */
  private post(maker: number, pair: number, side: Side, price: number, lots: number): void {
    const { currencies, escrow } = this.economy;
    const pairs = this.rates.pairs;
    if (side === ASK) currencies[pairs.base[pair]].transfer(maker, escrow, lots * HOUR);
    else currencies[pairs.quote[pair]].transfer(maker, escrow, lots * price);
    const book = this.books[pair];
    const handle = book.submit(side, maker, price, lots);
    // A maker's order may cross an earlier maker's on the other side: settle those trades at once.
    if (book.trades.count > 0) this.settleMakers(pair, side, price);
    if (handle !== NO_ORDER) this.keep(handle, pair, side);
  }

  /**
   * Trades between two makers, both in escrow: each side's escrowed currency goes to the other. An incoming bid
   * escrowed its own limit per lot and fills at the resting ask's lower price: the difference goes back to it.
   */
  private settleMakers(pair: number, side: Side, limit: number): void {
    const { currencies, escrow } = this.economy;
    const pairs = this.rates.pairs;
    const trades = this.books[pair].trades;
    const baseBook = currencies[pairs.base[pair]];
    const quoteBook = currencies[pairs.quote[pair]];
    for (let t = 0; t < trades.count; t++) {
      const lots = trades.quantity[t];
      const quote = trades.price[t] * lots;
      baseBook.transfer(escrow, trades.buyer[t], lots * HOUR);
      quoteBook.transfer(escrow, trades.seller[t], quote);
      if (side === BID && limit * lots > quote)
        quoteBook.transfer(escrow, trades.buyer[t], limit * lots - quote);
      this.rates.record(pairs.base[pair], lots * HOUR, pairs.quote[pair], quote);
      this.stats.turnover[pairs.base[pair]] += lots * HOUR;
      this.stats.turnover[pairs.quote[pair]] += quote;
      if (pairs.quote[pair] === 0) this.stats.fiatPaid += quote;
    }
  }

  private keep(handle: number, pair: number, side: Side): void {
    if (this.live === this.handles.length) {
      this.handles = grow(this.handles, new Float64Array(this.live * 2));
      this.pairOf = grow(this.pairOf, new Int32Array(this.live * 2));
      this.sideOf = grow(this.sideOf, new Uint8Array(this.live * 2));
    }
    this.handles[this.live] = handle;
    this.pairOf[this.live] = pair;
    this.sideOf[this.live++] = side;
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
