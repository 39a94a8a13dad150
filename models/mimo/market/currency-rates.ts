import { CurrencyPairs } from './pairs.js';
import { ReferenceRate } from './reference-rate.js';

/**
 * The reference rates of all currency pairs, each the volume-weighted moving average of the pair's trades over
 * `window` ticks (the "historical valuation" of MIMO). A pair's rate is kept as quote minor units per base minor
 * unit (base: the higher currency index, so fiat, currency 0, quotes every cultural currency); helpers turn it
 * into the price of one currency in another in either direction.
 */
export class CurrencyRates {
  readonly pairs: CurrencyPairs;
  readonly reference: ReferenceRate;

  /** `initialFiatRate`: fiat minor units per minor unit of every cultural currency before any trade. */
  constructor(
    readonly currencies: number,
    window: number,
    initialFiatRate: number,
  ) {
    this.pairs = new CurrencyPairs(currencies);
    const initial = new Float64Array(this.pairs.count);
    for (let p = 0; p < this.pairs.count; p++) initial[p] = this.pairs.quote[p] === 0 ? initialFiatRate : 1;
    this.reference = new ReferenceRate(this.pairs.count, window, initial);
  }

  /** Minor units of `pay` that one minor unit of `get` is worth at the reference rate. */
  price(get: number, pay: number): number {
    if (get === pay) return 1;
    const rate = this.reference.rate(this.pairs.index(get, pay));
    return get > pay ? rate : 1 / rate;
  }

  /** Fiat minor units per minor unit of currency c (1 for fiat itself). */
  fiatValue(c: number): number {
    return c === 0 ? 1 : this.price(c, 0);
  }

  /** Records a swap: `got` minor units of `get` for `paid` minor units of `pay`. */
  record(get: number, got: number, pay: number, paid: number): void {
    if (got <= 0 || paid <= 0) return;
    const pair = this.pairs.index(get, pay);
    // base = the higher index: quantity in base minor units, price in quote per base.
    if (get > pay) this.reference.record(pair, paid / got, got);
    else this.reference.record(pair, got / paid, paid);
  }

  closeTick(): void {
    this.reference.closeTick();
  }

  /**
   * How far the cultural cross rates stray from the rates implied through fiat: the mean over pairs {a, b} of two
   * cultural currencies of |ln rate(a, b) − ln(fiatValue(b) / fiatValue(a))| (0 with fewer than two of them).
   * Arbitrage between the books drives it towards 0.
   */
  crossGap(): number {
    const { pairs } = this;
    let sum = 0;
    let count = 0;
    for (let p = 0; p < pairs.count; p++) {
      const a = pairs.quote[p];
      const b = pairs.base[p];
      if (a === 0) continue;
      sum += Math.abs(Math.log(this.reference.rate(p) / (this.fiatValue(b) / this.fiatValue(a))));
      count++;
    }
    return count === 0 ? 0 : sum / count;
  }

  /** Mean volatility of the log changes of the rates over the window, across pairs that have one. */
  meanVolatility(): number {
    let sum = 0;
    let count = 0;
    for (let p = 0; p < this.pairs.count; p++) {
      const v = this.reference.volatility(p);
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    return count === 0 ? 0 : sum / count;
  }
}
