import { HOUR } from '../params.js';
import type { CurrencyRates } from './currency-rates.js';

/** Ticks over which `rate_drift_<currency>` measures the change of a reference rate. */
export const DRIFT_TICKS = 90;

/**
 * The fiat rate of every currency over the last DRIFT_TICKS + 1 closed ticks (a ring), recorded when the market
 * closes, so a run can say whether a rate trends: `drift(c)` = ln(rate now / rate DRIFT_TICKS ticks ago).
 */
export class RateHistory {
  private readonly rates: Float64Array;
  private ticks = 0;

  constructor(private readonly currencies: number) {
    this.rates = new Float64Array(currencies * (DRIFT_TICKS + 1));
  }

  /** Records the closed tick's rates. */
  record(rates: CurrencyRates): void {
    const slot = this.ticks % (DRIFT_TICKS + 1);
    for (let c = 0; c < this.currencies; c++)
      this.rates[c * (DRIFT_TICKS + 1) + slot] = rates.fiatValue(c) * HOUR;
    this.ticks++;
  }

  /** ln(rate now / rate DRIFT_TICKS ticks ago) of currency c; 0 until that many ticks have closed. */
  drift(c: number): number {
    if (this.ticks <= DRIFT_TICKS) return 0;
    const base = c * (DRIFT_TICKS + 1);
    const now = this.rates[base + ((this.ticks - 1) % (DRIFT_TICKS + 1))];
    const then = this.rates[base + (this.ticks % (DRIFT_TICKS + 1))];
    return then > 0 ? Math.log(now / then) : 0;
  }
}
