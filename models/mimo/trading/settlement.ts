import type { Economy } from '../economy/economy.js';
import type { CurrencyMarket } from '../market/currency-market.js';
import type { MimoParams } from '../params.js';
import type { Population } from '../economy/population.js';
import type { Trade, TradeStats } from './trade.js';

/** Who watches every settled trade: the seam where the Anonymous Identity Service routes and records trades. */
export interface SettlementObserver {
  settled(trade: Trade): void;
}

/**
 * The one point where every agreed trade is paid. A buyer short of the cultural currency buys the difference on
 * the currency market; what it still lacks is paid in fiat instead, at the agreed price. Then the fiat leg moves
 * (the payee pays the card fee), the cultural leg moves (mutual credit: the buyer is debited, possibly below zero
 * down to its limit, the provider credited), fixed-issue groups mint `perHour` for the provider, and the
 * contribution records are updated. A buyer who cannot pay the fiat leg leaves the trade unsettled (nothing moves).
 */
export class Settlement {
  observer: SettlementObserver | null = null;
  private params: MimoParams;
  private mintingGroups: number;

  constructor(
    private readonly economy: Economy,
    private readonly population: Population,
    private readonly market: CurrencyMarket,
    private readonly stats: TradeStats,
    params: MimoParams,
  ) {
    this.params = params;
    this.mintingGroups = mintingGroups(params);
  }

  setParams(params: MimoParams): void {
    this.params = params;
    this.mintingGroups = mintingGroups(params);
  }

  /** Settles `trade` (its legs may be adjusted); false when the buyer cannot pay. */
  settle(trade: Trade): boolean {
    const { economy, population, stats } = this;
    const { buyer, seller, currency } = trade;
    if (currency !== 0 && trade.cultural > 0) {
      const book = economy.currencies[currency];
      let short = trade.cultural - book.available(buyer);
      if (short > 0) short -= this.market.acquire(buyer, currency, short);
      if (short > 0) {
        // Pay the rest of the cultural leg in fiat, at the agreed price.
        trade.fiat += Math.round((trade.price * trade.culturalShare * short) / trade.cultural);
        trade.cultural -= short;
        if (trade.cultural === 0) trade.currency = 0;
      }
    }
    const fiat = economy.fiat;
    if (fiat.available(buyer) < trade.fiat) {
      stats.paymentFailures++;
      return false;
    }
    if (trade.fiat > 0) {
      fiat.transfer(buyer, seller, trade.fiat);
      const fee = Math.floor(trade.fiat * this.params.fees.card);
      if (fee > 0) fiat.outflow(seller, fee, economy.flows.cardFee);
      stats.fiatPaid += trade.fiat;
    }
    if (trade.cultural > 0 && !economy.currencies[trade.currency].transfer(buyer, seller, trade.cultural)) {
      throw new Error('settlement: a cultural leg checked as payable was refused');
    }
    this.mintPerHour(trade);
    const hours = trade.hours;
    population.remaining[seller] -= hours;
    population.hoursGiven[seller] += hours;
    population.hoursReceived[buyer] += hours;
    population.valueGiven[seller] += trade.price;
    const culturalValue = trade.price - trade.fiat > 0 ? trade.price - trade.fiat : 0;
    stats.trades++;
    stats.hours += hours;
    stats.surplus += trade.value - trade.cost;
    stats.value += trade.price;
    stats.culturalValue += culturalValue;
    stats.volume[0] += trade.fiat;
    if (trade.currency !== 0) stats.volume[trade.currency] += culturalValue;
    this.observer?.settled(trade);
    return true;
  }

  /** Fixed-issue groups of the provider that mint per hour of service given. */
  private mintPerHour(trade: Trade): void {
    // Only the seller's groups among those that mint: usually none or one bit to visit.
    for (let m = this.population.groups[trade.seller] & this.mintingGroups; m !== 0; m &= m - 1) {
      const g = 31 - Math.clz32(m & -m);
      const minted = Math.round(this.params.groups[g].perHour * trade.hours);
      if (minted > 0)
        this.economy.currencies[1 + g].inflow(trade.seller, minted, this.economy.flows.issuance);
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
