import type { Economy } from '../economy/economy.js';
import type { CurrencyMarket } from '../market/currency-market.js';
import { HOUR, type MimoParams } from '../params.js';
import type { Trade, TradeStats } from './trade.js';

/** What settlement moves money in, buys missing currency from, counts in, and reports to. */
export interface SettlementParts {
  readonly economy: Economy;
  readonly market: CurrencyMarket;
  readonly stats: TradeStats;
  /** Who sees every settled trade (the AIS), or null. */
  readonly observer: SettlementObserver | null;
}

/** Who watches every settled trade: the seam where the Anonymous Identity Service routes and records trades. */
export interface SettlementObserver {
  settled(trade: Trade): void;
}

/**
 * The one point where every agreed trade is paid. A buyer short of the cultural currency buys the difference on
 * the currency market, willing to pay up to the fiat it saves (the trade's price per hour of service); what it
 * still lacks is converted at the currency's reference rate, the one price of the pair this tick. Then the fiat leg moves
 * (the payee pays the card fee), the cultural leg moves (mutual credit: the buyer is debited, possibly below zero
 * down to its limit, the provider credited), fixed-issue groups mint `perHour` for the provider, and the
 * contribution records are updated. A buyer who cannot pay the fiat leg leaves the trade unsettled: its legs do not move (currency it
 * bought on the market for this trade stays its own).
 */
export class Settlement {
  private readonly economy: Economy;
  private readonly market: CurrencyMarket;
  private readonly stats: TradeStats;
  private readonly observer: SettlementObserver | null;
  /** Who watches for a live view (read-only), or null: set by the model when a host asks for a view. */
  watcher: SettlementObserver | null = null;
  /** Groups are fixed when the run starts, so which of them mint is too. */
  private readonly mintingGroups: number;

  constructor(parts: SettlementParts, p: MimoParams) {
    this.economy = parts.economy;
    this.market = parts.market;
    this.stats = parts.stats;
    this.observer = parts.observer;
    this.mintingGroups = mintingGroups(p);
  }

  /** Settles `trade` (its legs may be adjusted); false when the buyer cannot pay. */
  settle(trade: Trade, p: MimoParams): boolean {
    const { economy, stats } = this;
    const population = economy.population;
    const { buyer, seller, currency } = trade;
    if (currency !== 0 && trade.cultural > 0) {
      const book = economy.currencies[currency];
      let short = trade.cultural - book.available(buyer);
      if (short > 0)
        short -= this.market.acquire(buyer, currency, short, (trade.price * HOUR) / trade.hours, p);
      if (short > 0) {
        // Pay the rest of the cultural leg in fiat, converted at the reference rate.
        trade.fiat += Math.round(short * this.market.rates.fiatValue(currency));
        trade.cultural -= short;
        if (trade.cultural === 0) trade.currency = 0;
      }
    }
    const fiat = economy.fiat;
    if (fiat.available(buyer) < trade.fiat) {
      stats.paymentFailures++;
      stats.unmetNoMoney++;
      return false;
    }
    if (trade.fiat > 0) {
      fiat.transfer(buyer, seller, trade.fiat);
      const fee = Math.floor(trade.fiat * p.fees.card);
      if (fee > 0) fiat.outflow(seller, fee, economy.flows.cardFee);
      stats.fiatPaid += trade.fiat;
    }
    if (trade.cultural > 0 && !economy.currencies[trade.currency].transfer(buyer, seller, trade.cultural)) {
      throw new Error('settlement: a cultural leg checked as payable was refused');
    }
    this.mintPerHour(trade, p);
    const hours = trade.hours;
    if (population.hoursGiven[seller] === 0 && population.hoursReceived[seller] === 0) stats.activeMembers++;
    if (population.hoursGiven[buyer] === 0 && population.hoursReceived[buyer] === 0) stats.activeMembers++;
    population.remaining[seller] -= hours;
    population.hoursGiven[seller] += hours;
    population.hoursReceived[buyer] += hours;
    population.valueGiven[seller] += trade.price;
    // The fiat-equivalent of the cultural leg: what of the price was not paid in fiat (0 if no hours moved).
    const culturalValue = trade.currency !== 0 && trade.price > trade.fiat ? trade.price - trade.fiat : 0;
    stats.trades++;
    stats.hours += hours;
    stats.surplus += trade.value - trade.cost;
    stats.value += trade.price;
    stats.culturalValue += culturalValue;
    stats.volume[0] += trade.fiat;
    if (trade.currency !== 0) {
      stats.volume[trade.currency] += culturalValue;
      stats.turnover[trade.currency] += trade.cultural;
    }
    stats.turnover[0] += trade.fiat;
    this.observer?.settled(trade);
    this.watcher?.settled(trade);
    return true;
  }

  /** Fixed-issue groups of the provider that mint per hour of service given. */
  private mintPerHour(trade: Trade, p: MimoParams): void {
    // Only the seller's groups among those that mint: usually none or one bit to visit.
    for (let m = this.economy.population.groups[trade.seller] & this.mintingGroups; m !== 0; m &= m - 1) {
      const g = 31 - Math.clz32(m & -m);
      const minted = Math.round(p.groups[g].perHour * trade.hours);
      if (minted > 0)
        this.economy.currencies[this.economy.currencyOf(g)].inflow(
          trade.seller,
          minted,
          this.economy.flows.issuance,
        );
    }
  }
}

/** Bit g set: group g issues a fixed supply and mints per hour of service given. */
function mintingGroups(p: MimoParams): number {
  let mask = 0;
  p.groups.forEach((g, k) => {
    if (g.issuance === 'fixed' && g.perHour > 0) mask |= 1 << k;
  });
  return mask;
}
