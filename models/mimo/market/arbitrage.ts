import type { Rng } from '../../../sim/random/rng.js';
import type { Economy } from '../economy/economy.js';
import { HOUR, type MimoParams } from '../params.js';
import type { CurrencyRates } from './currency-rates.js';
import { Fill, type DoubleAuction } from './double-auction.js';
import { ASK, BID, NO_PRICE } from '../../common/order-book/order-book.js';

/**
 * Arbitrage traders on the CDA: outside agents (accounts `economy.arbitrageurs` on) who start with fiat capital,
 * never take credit and may hold any currency. Once per tick, after the makers posted and before members trade,
 * each trader in turn (by account, each from a pair drawn from the `arbitrage` stream, so the first pairs are not
 * always served first) looks at every pair and values its base in its quote through fiat:
 *
 *     fair = fiatValue(base) / fiatValue(quote)   (reference rates; quote minor units per base minor unit)
 *
 * A best ask below fair × (1 − threshold) is bought (an immediate-or-cancel bid at that ask's price, up to
 * `maxLots` and what the trader can pay, exchange fee included); a best bid above fair × (1 + threshold) is sold
 * into (an IOC ask at that bid's price, up to `maxLots` and what the trader holds). Settlement is the auction's
 * own (`DoubleAuction.take`): the makers' side leaves the escrow, the trades record into the reference rates.
 * On a cultural pair this is triangular arbitrage against the two fiat rates; on a fiat pair it trades the
 * outliers against the pair's own moving average. Traders do not re-offer what they bought: they only take, so
 * the escrow and the makers' book stay the members' alone.
 */
export class Arbitrage {
  /** Arbitrage orders that traded (wholly or partly) this tick. */
  trades = 0;
  private readonly capital: number;
  private readonly fill = new Fill();

  constructor(
    private readonly economy: Economy,
    private readonly auction: DoubleAuction,
    private readonly rates: CurrencyRates,
    private readonly rng: Rng,
    p: MimoParams,
  ) {
    this.capital = p.market.arbitrage.capital; // shapes the accounts when the run starts: not live
  }

  /** Starts the tick's count (also when the mechanism has no books to arbitrage). */
  reset(): void {
    this.trades = 0;
  }

  /** Every trader in turn takes the mispriced best offers of every pair. */
  run(p: MimoParams): void {
    const { traders, threshold, maxLots } = p.market.arbitrage;
    const count = this.rates.pairs.count;
    for (let k = 0; k < traders; k++) {
      const trader = this.economy.arbitrageurs + k;
      const first = this.rng.int(count);
      for (let j = 0; j < count; j++) {
        const pair = first + j < count ? first + j : first + j - count;
        this.trade(trader, pair, threshold, maxLots, p.fees.exchange);
      }
    }
  }

  /** One trader on one pair: buys an ask below fair, then sells into a bid above it. */
  private trade(trader: number, pair: number, threshold: number, maxLots: number, feeRate: number): void {
    const { currencies } = this.economy;
    const base = this.rates.pairs.base[pair];
    const quote = this.rates.pairs.quote[pair];
    const fair = (this.rates.fiatValue(base) / this.rates.fiatValue(quote)) * HOUR; // quote per lot
    const book = this.auction.book(pair);
    const ask = book.bestAsk();
    if (ask !== NO_PRICE && ask < fair * (1 - threshold)) {
      const fee = quote === 0 ? 1 + feeRate : 1;
      const afford = Math.floor(currencies[quote].available(trader) / (ask * fee));
      const lots = Math.min(maxLots, book.levelQuantity(ASK, 0), afford);
      if (lots >= 1 && this.auction.take(trader, pair, BID, ask, lots, feeRate, this.fill) > 0) this.trades++;
    }
    const bid = book.bestBid();
    if (bid !== NO_PRICE && bid > fair * (1 + threshold)) {
      const held = Math.floor(currencies[base].available(trader) / HOUR);
      const lots = Math.min(maxLots, book.levelQuantity(BID, 0), held);
      if (lots >= 1 && this.auction.take(trader, pair, ASK, bid, lots, feeRate, this.fill) > 0) this.trades++;
    }
  }

  /** The traders' holdings at reference rates minus the capital they brought (fiat minor units). */
  wealth(): number {
    const { currencies, arbitrageurs, traders } = this.economy;
    let value = 0;
    for (let c = 0; c < currencies.length; c++) {
      const balances = currencies[c].balances;
      let held = 0;
      for (let a = arbitrageurs; a < arbitrageurs + traders; a++) held += balances[a];
      value += held * this.rates.fiatValue(c);
    }
    return value - traders * this.capital;
  }
}
