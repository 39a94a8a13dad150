import { halfWindow, RingList } from '../../../sim/space/ring-list.js';
import type { Rng } from '../../../sim/random/rng.js';
import type { Economy } from '../economy/economy.js';
import { negotiate, NegotiationOutcome } from '../../common/negotiation/index.js';
import { HOUR, type MimoParams } from '../params.js';
import type { TradeStats } from '../trading/trade.js';
import { Arbitrage } from './arbitrage.js';
import { DoubleAuction } from './double-auction.js';
import { CurrencyRates } from './currency-rates.js';

export interface CurrencyMarketParts {
  readonly economy: Economy;
  /** Where swaps are counted. */
  readonly stats: TradeStats;
  /** Draws holders, private limits and makers. */
  readonly rng: Rng;
  /** Draws the arbitrage traders' order of pairs. */
  readonly arbitrageRng: Rng;
}

/**
 * The currency market: a member who lacks the cultural currency a payment needs buys it here, with fiat or, if it
 * has too little fiat, with another cultural currency it holds. Every swap values the pair's reference rate.
 * - `bilateral`: the buyer looks for a holder (up to `search.limit` members of the currency's group within its
 *   reach who held at least one lot when the tick opened, and still hold what it wants) and the two negotiate the
 *   price, each valuing the currency privately within ±spread of the reference rate, with the model's negotiation
 *   protocol.
 * - `cda`: a continuous double auction per pair of currencies (`DoubleAuction`): makers post offers when the tick
 *   opens, arbitrage traders (if any, `Arbitrage`) take the offers priced away from the fiat cross rates, then a
 *   buyer sends an immediate-or-cancel order at its private limit.
 * Quantities trade in whole hours (lots of HOUR minor units).
 */
export class CurrencyMarket {
  readonly rates: CurrencyRates;
  readonly arbitrage: Arbitrage;
  private readonly auction: DoubleAuction;
  /** Per currency: the group members holding at least one lot when the tick opened (rebuilt each tick). */
  private readonly holders: (RingList | null)[];
  private readonly outcome = new NegotiationOutcome();
  private readonly economy: Economy;
  private readonly stats: TradeStats;
  private readonly rng: Rng;

  /** `p` shapes the rates (window, opening rate) and the arbitrage traders when the run starts. */
  constructor(parts: CurrencyMarketParts, p: MimoParams) {
    const { economy, stats, rng } = parts;
    this.economy = economy;
    this.stats = stats;
    this.rng = rng;
    this.rates = new CurrencyRates(economy.count, p.market.window, p.market.initialRate / HOUR);
    this.auction = new DoubleAuction(economy, this.rates, rng, stats);
    this.holders = economy.currencies.map((_, c) =>
      c === 0 ? null : new RingList(new Int32Array(economy.membersOf(c).length), economy.population.n, 0),
    );
    this.arbitrage = new Arbitrage(economy, this.auction, this.rates, parts.arbitrageRng, p);
  }

  /**
   * Opens the tick: bilaterally, who holds each currency; in a CDA, makers post their offers, then arbitrage
   * traders take the mispriced ones.
   */
  open(p: MimoParams): void {
    this.arbitrage.reset();
    if (p.market.mechanism === 'bilateral') {
      for (let c = 1; c < this.economy.count; c++) {
        listHolders(this.economy.membersOf(c), this.economy.currencies[c].balances, this.holders[c]!);
      }
      return;
    }
    this.auction.open(p);
    this.arbitrage.run(p);
  }

  /** Closes the tick: unfilled offers are cancelled and their escrow returned; reference rates roll forward. */
  close(): void {
    this.auction.close();
    this.rates.closeTick();
  }

  /** Buys at least `amount` minor units of currency `c` for `buyer`; returns the minor units obtained (0: none). */
  acquire(buyer: number, c: number, amount: number, p: MimoParams): number {
    const lots = Math.ceil(amount / HOUR);
    const cda = p.market.mechanism === 'cda';
    // The most a fiat purchase could cost, fee included: what the buyer must hold to pay in fiat.
    const fiatCost =
      lots * HOUR * this.rates.fiatValue(c) * (1 + p.market.spread) * (1 + p.fees.exchange) + 1;
    if (this.economy.fiat.available(buyer) >= fiatCost) {
      return cda ? this.auction.buy(buyer, c, 0, lots, p) : this.swap(buyer, c, lots, 0, p);
    }
    const pay = this.richestOther(buyer, c);
    if (pay === 0) return 0;
    return cda ? this.auction.buy(buyer, c, pay, lots, p) : this.swap(buyer, c, lots, pay, p);
  }

  /** Bilateral: find a holder of `c`, negotiate the price in currency `pay`, swap. */
  private swap(buyer: number, c: number, lots: number, pay: number, p: MimoParams): number {
    const { rng } = this;
    const { search, market } = p;
    const members = this.holders[c]!;
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
      if (!negotiate(buyerMax, holderMin, p.negotiation, rng, this.outcome)) return 0;
      const price = Math.max(1, this.outcome.price);
      const payBook = this.economy.currencies[pay];
      const fee = pay === 0 ? Math.floor(price * p.fees.exchange) : 0;
      if (payBook.available(buyer) < price + fee) return 0;
      payBook.transfer(buyer, holder, price);
      get.transfer(holder, buyer, units);
      if (fee > 0) this.economy.fiat.outflow(buyer, fee, this.economy.flows.exchangeFee);
      this.rates.record(c, units, pay, price);
      if (pay === 0) this.stats.fiatPaid += price;
      else this.stats.culturalSwaps++;
      this.stats.swaps++;
      return units;
    }
    return 0;
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
}

/** Rewrites `holders` as the `members` (in id order) whose balance is at least one lot. */
function listHolders(members: Int32Array, balances: Float64Array | Int32Array, holders: RingList): void {
  const ids = holders.ids;
  let count = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k];
    if (balances[i] >= HOUR) ids[count++] = i;
  }
  holders.reindex(count);
}
