import { halfWindow, RingList } from '../../../sim/space/ring-list.js';
import type { Rng } from '../../../sim/random/rng.js';
import type { Economy } from '../economy/economy.js';
import { negotiate, NegotiationOutcome } from '../../common/negotiation/index.js';
import { HOUR, type MimoParams } from '../params.js';
import type { TradeStats } from '../trading/trade.js';
import { Arbitrage } from './arbitrage.js';
import { DoubleAuction } from './double-auction.js';
import { CurrencyRates } from './currency-rates.js';
import type { HourValue } from './hour-value.js';
import { RateHistory } from './rate-history.js';

export interface CurrencyMarketParts {
  readonly economy: Economy;
  /** Where swaps are counted. */
  readonly stats: TradeStats;
  /** Draws holders, private limits and makers. */
  readonly rng: Rng;
  /** Draws the arbitrage traders' order of pairs. */
  readonly arbitrageRng: Rng;
  /** What an hour is worth to each member: the market's prices come from it. */
  readonly hourValue: HourValue;
}

/**
 * The currency market: a member who lacks the cultural currency a payment needs buys it here, with fiat or, if it
 * has too little fiat, with another cultural currency it holds. Prices come from use values (`HourValue`), never
 * from the reference rate: the buyer pays at most the fiat the hour saves it (its trade's price per hour of
 * service; in another currency, that over its own value of an hour of it), a holder sells only the lots it values
 * below the price. Every swap feeds the pair's reference rate, which values holdings and converts what the market
 * could not supply; `market.initialRate` only opens it.
 * - `bilateral`: the buyer looks for holders (up to `search.limit` members of the currency's group within its
 *   reach who held at least one lot when the tick opened) and bargains with each by `market.swap` (its own
 *   protocol, apart from the services') between its use value and the holder's reservation; the holder sells the
 *   lots it values below the agreed price.
 * - `cda`: a continuous double auction per pair of currencies (`DoubleAuction`): makers post asks above their
 *   reservation and bids below their value when the tick opens, arbitrage traders (if any, `Arbitrage`) take the
 *   offers priced away from the fiat cross rates, then a buyer sends an immediate-or-cancel order at its use value.
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
  readonly hourValue: HourValue;
  /** Each currency's rate over the last closed ticks, for the drift metric. */
  readonly history: RateHistory;

  /** `p` shapes the rates (window, opening rate) and the arbitrage traders when the run starts. */
  constructor(parts: CurrencyMarketParts, p: MimoParams) {
    const { economy, stats, rng } = parts;
    this.economy = economy;
    this.stats = stats;
    this.rng = rng;
    this.hourValue = parts.hourValue;
    this.history = new RateHistory(economy.count);
    this.rates = new CurrencyRates(economy.count, p.market.window, p.market.initialRate / HOUR);
    this.auction = new DoubleAuction(economy, this.rates, rng, stats, parts.hourValue);
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
    this.history.record(this.rates);
  }

  /**
   * Buys at least `amount` minor units of currency `c` for `buyer`, who saves `saves` fiat minor units per hour it
   * obtains; returns the minor units obtained (0: none).
   */
  acquire(buyer: number, c: number, amount: number, saves: number, p: MimoParams): number {
    const lots = Math.ceil(amount / HOUR);
    const cda = p.market.mechanism === 'cda';
    // Pay in fiat if the buyer holds what the lots could cost at its use value, fee included.
    if (this.economy.fiat.available(buyer) >= lots * saves * (1 + p.fees.exchange) + 1) {
      return cda ? this.auction.buy(buyer, c, 0, lots, saves, p) : this.swap(buyer, c, lots, 0, saves, p);
    }
    const pay = this.richestOther(buyer, c);
    if (pay === 0) return 0;
    return cda ? this.auction.buy(buyer, c, pay, lots, saves, p) : this.swap(buyer, c, lots, pay, saves, p);
  }

  /**
   * Bilateral: holders of `c` in turn bargain a price per lot in currency `pay` between the buyer's use value and
   * their reservation; each sells what it values below the price. Returns the minor units obtained.
   */
  private swap(buyer: number, c: number, lots: number, pay: number, saves: number, p: MimoParams): number {
    const { rng, hourValue } = this;
    const { search } = p;
    const members = this.holders[c]!;
    const half = halfWindow(search.reach);
    const get = this.economy.currencies[c];
    const payBook = this.economy.currencies[pay];
    const feeRate = pay === 0 ? p.fees.exchange : 0;
    // Per lot, in minor units of `pay`: the most the buyer gives (what the hour saves it, over its value of `pay`).
    const buyerMax = Math.floor(
      Math.min(payBook.available(buyer), (saves * HOUR) / Math.max(1e-9, hourValue.value(buyer, pay))),
    );
    let bought = 0;
    for (let tries = 0; tries < search.limit && bought < lots; tries++) {
      const holder = members.pick(buyer, half, rng);
      if (holder < 0) break;
      if (holder === buyer || get.balances[holder] < HOUR) continue;
      const payValue = hourValue.value(holder, pay);
      const holderMin = Math.ceil((hourValue.value(holder, c) * HOUR) / payValue);
      if (!(holderMin <= buyerMax)) continue; // also: a holder that values `pay` at nothing does not sell for it
      if (!negotiate(buyerMax, holderMin, p.market.swap, rng, this.outcome)) continue;
      const price = Math.max(1, this.outcome.price);
      const affordable = Math.floor(payBook.available(buyer) / (price * (1 + feeRate)));
      const sold = hourValue.lotsToSell(
        holder,
        c,
        (price * payValue) / HOUR,
        Math.min(lots - bought, affordable),
      );
      if (sold < 1) continue;
      const units = sold * HOUR;
      const paid = sold * price;
      const fee = Math.floor(paid * feeRate);
      payBook.transfer(buyer, holder, paid);
      get.transfer(holder, buyer, units);
      if (fee > 0) this.economy.fiat.outflow(buyer, fee, this.economy.flows.exchangeFee);
      this.rates.record(c, units, pay, paid);
      this.stats.turnover[c] += units;
      this.stats.turnover[pay] += paid;
      if (pay === 0) this.stats.fiatPaid += paid;
      else this.stats.culturalSwaps++;
      this.stats.swaps++;
      bought += sold;
    }
    return bought * HOUR;
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
