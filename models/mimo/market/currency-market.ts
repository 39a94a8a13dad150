import { halfWindow } from '../../../sim/space/ring-list.js';
import type { Rng } from '../../../sim/random/rng.js';
import type { Economy } from '../economy.js';
import { negotiate, NegotiationOutcome, type NegotiationParams } from '../negotiation/index.js';
import { HOUR, type MimoParams } from '../params.js';
import type { Population } from '../population.js';
import type { TradeStats } from '../trade.js';
import { ASK, BID, NO_ORDER, OrderBook } from './order-book.js';
import { CurrencyRates } from './currency-rates.js';

/**
 * The currency market: a member who lacks the cultural currency a payment needs buys it here, with fiat or, if it
 * has too little fiat, with another cultural currency it holds. Every swap values the pair's reference rate.
 * - `bilateral`: the buyer looks for a holder (up to `search.limit` members of the currency's group within its
 *   reach, with enough balance) and the two negotiate the price, each valuing the currency privately within ±spread of the
 *   reference rate, with the model's negotiation protocol.
 * - `cda`: one continuous double auction per fiat pair (currency against fiat): each tick a share `makers` of each
 *   group's members who hold the currency post an ask (the currency sits in escrow until the end of the tick), and
 *   a buyer sends an immediate-or-cancel bid at its private limit. Swaps between two cultural currencies are
 *   bilateral in both mechanisms.
 * Quantities trade in whole hours (lots of HOUR minor units).
 */
export class CurrencyMarket {
  readonly rates: CurrencyRates;
  private readonly books: (OrderBook | null)[];
  private readonly outcome = new NegotiationOutcome();
  private handles = new Float64Array(256);
  private handleCurrency = new Int32Array(256);
  private live = 0;
  private params: MimoParams;

  constructor(
    private readonly economy: Economy,
    private readonly population: Population,
    params: MimoParams,
    private readonly rng: Rng,
    private readonly stats: TradeStats,
  ) {
    this.params = params;
    this.rates = new CurrencyRates(economy.count, params.market.window, params.market.initialRate / HOUR);
    this.books = economy.currencies.map((_, c) => (c === 0 ? null : new OrderBook()));
  }

  setParams(params: MimoParams): void {
    this.params = params;
  }

  /** Opens the tick: in a CDA, makers post their asks. */
  beginTick(): void {
    if (this.params.market.mechanism !== 'cda') return;
    const { makers, spread } = this.params.market;
    const rng = this.rng;
    for (let c = 1; c < this.economy.count; c++) {
      const members = this.population.groupMembers[c - 1];
      const count = Math.round(makers * members.length);
      const book = this.economy.currencies[c];
      const fairPrice = this.rates.fiatValue(c) * HOUR;
      for (let k = 0; k < count; k++) {
        const maker = members[rng.int(members.length)];
        const lots = Math.min(5, Math.floor(book.balances[maker] / HOUR / 2));
        if (lots < 1) continue;
        const price = Math.max(1, Math.round(fairPrice * (1 + spread * (rng.float() - 0.3))));
        book.transfer(maker, this.economy.escrow, lots * HOUR);
        const handle = this.books[c]!.submit(ASK, maker, price, lots);
        if (handle !== NO_ORDER) this.keep(handle, c);
      }
    }
  }

  /** Closes the tick: unfilled asks are cancelled and their escrow returned; reference rates roll forward. */
  endTick(): void {
    for (let k = 0; k < this.live; k++) {
      const c = this.handleCurrency[k];
      const book = this.books[c]!;
      const handle = this.handles[k];
      const owner = book.isLive(handle) ? book.ownerOf(handle) : -1;
      const open = book.cancel(handle);
      if (open > 0) this.economy.currencies[c].transfer(this.economy.escrow, owner, open * HOUR);
    }
    this.live = 0;
    this.rates.closeTick();
  }

  /** Buys at least `amount` minor units of currency `c` for `buyer`; returns the minor units obtained (0: none). */
  acquire(buyer: number, c: number, amount: number): number {
    const lots = Math.ceil(amount / HOUR);
    // The most a bid could cost, fee included: what the buyer must hold to pay in fiat.
    const fiatCost =
      lots *
        HOUR *
        this.rates.fiatValue(c) *
        (1 + this.params.market.spread) *
        (1 + this.params.fees.exchange) +
      1;
    if (this.economy.fiat.available(buyer) >= fiatCost) {
      return this.params.market.mechanism === 'cda' ? this.bid(buyer, c, lots) : this.swap(buyer, c, lots, 0);
    }
    const pay = this.richestOther(buyer, c);
    return pay > 0 ? this.swap(buyer, c, lots, pay) : 0;
  }

  /** CDA: an immediate-or-cancel bid for `lots` hours of `c`, settled trade by trade against resting asks. */
  private bid(buyer: number, c: number, lots: number): number {
    const limit = Math.round(
      this.rates.fiatValue(c) * HOUR * (1 + this.params.market.spread * this.rng.float()),
    );
    const book = this.books[c]!;
    book.submit(BID, buyer, Math.max(1, limit), lots, true);
    const { fiat, currencies, escrow } = this.economy;
    const trades = book.trades;
    let got = 0;
    for (let t = 0; t < trades.count; t++) {
      const paid = trades.price[t] * trades.quantity[t];
      const units = trades.quantity[t] * HOUR;
      // The buyer could pay the limit for every lot (checked in acquire), so the fiat leg cannot be refused.
      fiat.transfer(buyer, trades.seller[t], paid);
      currencies[c].transfer(escrow, buyer, units);
      this.payExchangeFee(buyer, paid);
      this.rates.record(c, units, 0, paid);
      this.stats.fiatPaid += paid;
      got += units;
    }
    if (got > 0) this.stats.swaps++;
    return got;
  }

  /** Bilateral: find a holder of `c`, negotiate the price in currency `pay`, swap. */
  private swap(buyer: number, c: number, lots: number, pay: number): number {
    const { rng } = this;
    const { search, market } = this.params;
    const members = this.population.groupRings[c - 1];
    const half = halfWindow(search.reach);
    const get = this.economy.currencies[c];
    const units = lots * HOUR;
    for (let tries = 0; tries < search.limit; tries++) {
      const holder = members.pick(buyer, half, rng);
      if (holder < 0) return 0;
      if (holder === buyer || get.balances[holder] < units) continue;
      const fair = units * this.rates.price(c, pay);
      const buyerMax = Math.round(fair * (1 + market.spread * rng.float()));
      const holderMin = Math.round(fair * (1 - market.spread * rng.float()));
      if (!negotiate(buyerMax, holderMin, this.params.negotiation as NegotiationParams, rng, this.outcome))
        return 0;
      const price = Math.max(1, this.outcome.price);
      const payBook = this.economy.currencies[pay];
      const fee = pay === 0 ? Math.floor(price * this.params.fees.exchange) : 0;
      if (payBook.available(buyer) < price + fee) return 0;
      payBook.transfer(buyer, holder, price);
      get.transfer(holder, buyer, units);
      if (fee > 0) this.economy.fiat.outflow(buyer, fee, this.economy.flows.exchangeFee);
      this.rates.record(c, units, pay, price);
      if (pay === 0) this.stats.fiatPaid += price;
      this.stats.swaps++;
      return units;
    }
    return 0;
  }

  private payExchangeFee(buyer: number, paid: number): void {
    const fee = Math.floor(paid * this.params.fees.exchange);
    if (fee > 0) this.economy.fiat.outflow(buyer, fee, this.economy.flows.exchangeFee);
  }

  /** The cultural currency other than `c` in which the buyer holds the most (by fiat value), or 0 if none. */
  private richestOther(buyer: number, c: number): number {
    let best = 0;
    let bestValue = 0;
    for (let d = 1; d < this.economy.count; d++) {
      if (d === c) continue;
      const value = this.economy.currencies[d].balances[buyer] * this.rates.fiatValue(d);
      if (value > bestValue) {
        best = d;
        bestValue = value;
      }
    }
    return best;
  }

  private keep(handle: number, c: number): void {
    if (this.live === this.handles.length) {
      const handles = new Float64Array(this.live * 2);
      handles.set(this.handles);
      this.handles = handles;
      const currencies = new Int32Array(this.live * 2);
      currencies.set(this.handleCurrency);
      this.handleCurrency = currencies;
    }
    this.handles[this.live] = handle;
    this.handleCurrency[this.live++] = c;
  }
}
