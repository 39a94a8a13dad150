import type { Economy } from '../economy/economy.js';
import type { Population } from '../economy/population.js';
import { HOUR, type MimoParams } from '../params.js';

/** The least share of a service hour an hour is worth to anyone: it can always be spent in the end. */
const FLOOR = 0.25;

/** Weight of a tick's mean service price in the service rate (an exponential average over about 5 ticks). */
const SERVICE_WEIGHT = 0.2;

/**
 * What an hour of a cultural currency is worth to a member, in fiat: the use value from which the currency market
 * discovers its prices (MODEL.md, "Prices are discovered"). An hour of the hour standard pays for an hour of service
 * from a provider who accepts it, so it saves its user the fiat price of that hour: the **service rate**, the
 * average fiat price of an hour of service in the tick's trades (one price per tick, an exponential average, opened
 * at the midpoint of the median value and cost). A member values the marginal hour it holds by when it expects to
 * use it (Menger's use value; Kiyotaki & Wright 1989 for money valued by what it buys):
 *
 *     balance B > 0:   serviceRate × max(1/4, exp(−(discount + demurrage) × B / use))   (use: hours spent per tick)
 *     in debt B < 0:   serviceRate × (1 + debtPremium × min(1, −B / creditLimit))   (mutual credit)
 *     otherwise:       serviceRate
 *
 * So a creditor with more hours than it will use soon values the marginal one less and spends or sells it down
 * (Gesell: demurrage shortens the horizon at which holding pays); a debtor values hours more, the more so near its
 * limit, and offers its services for hours. Quantities follow: a holder sells the lots whose value lies below the
 * price, a buyer buys those whose value lies above it.
 */
export class HourValue {
  /** Fiat minor units per hour of service: the one service price of the tick. */
  serviceRate: number;
  private tickValue = 0;
  private tickHours = 0;
  /** Per currency: discount + demurrage per tick, debt premium (0: not mutual credit), hours per need. */
  private readonly decay: Float64Array;
  private readonly premium: Float64Array;
  private needHours: number;

  constructor(
    private readonly economy: Economy,
    private readonly population: Population,
    p: MimoParams,
  ) {
    this.serviceRate = (p.valuation.hourValue + p.valuation.hourCost) / 2;
    this.decay = new Float64Array(economy.count);
    this.premium = new Float64Array(economy.count);
    this.needHours = p.needs.hours;
    this.open(p);
  }

  /** Opens the tick with the params in force: holding costs per currency and hours per need. */
  open(p: MimoParams): void {
    this.needHours = p.needs.hours;
    for (let g = 0; g < p.groups.length; g++) {
      const c = this.economy.currencyOf(g);
      const group = p.groups[g];
      this.decay[c] = p.market.discount + group.demurrage;
      this.premium[c] =
        group.issuance === 'mutual-credit' && group.creditLimit > 0 ? p.market.debtPremium : 0;
    }
  }

  /** Records a settled service: its fiat-equivalent price and hours (minor units). */
  recordService(price: number, hours: number): void {
    this.tickValue += price;
    this.tickHours += hours;
  }

  /** Closes the tick: the service rate moves towards the tick's mean price per hour. */
  closeTick(): void {
    if (this.tickHours > 0) {
      const mean = (this.tickValue * HOUR) / this.tickHours;
      this.serviceRate += SERVICE_WEIGHT * (mean - this.serviceRate);
    }
    this.tickValue = this.tickHours = 0;
  }

  /** Hours of currency the member expects to spend per tick: its needs × hours per need × its cultural preference. */
  use(i: number): number {
    const pop = this.population;
    return pop.needRate[i] * this.needHours * Math.max(0.05, pop.culturalPreference[i]);
  }

  /** Fiat minor units the member would give for one more hour of currency `c` if it held `balance` minor units. */
  at(i: number, c: number, balance: number): number {
    if (balance > 0) {
      const use = this.use(i);
      const kept = use > 0 ? Math.exp((-this.decay[c] * balance) / (HOUR * use)) : 0;
      return this.serviceRate * (kept > FLOOR ? kept : FLOOR);
    }
    if (balance < 0 && this.premium[c] > 0) {
      const limit = -this.economy.currencies[c].floor(i);
      const debt = limit > 0 ? Math.min(1, -balance / limit) : 1;
      return this.serviceRate * (1 + this.premium[c] * debt);
    }
    return this.serviceRate;
  }

  /** The member's value of its marginal hour of `c` (fiat per hour; fiat itself: HOUR per hour). */
  value(i: number, c: number): number {
    return c === 0 ? HOUR : this.at(i, c, this.economy.currencies[c].balances[i]);
  }

  /**
   * Lots (hours) of `c` the member would sell at `price` fiat per hour, at most `max`: those it holds whose value
   * lies below the price, the least valued first.
   */
  lotsToSell(i: number, c: number, price: number, max: number): number {
    let balance = this.economy.currencies[c].balances[i];
    let lots = 0;
    while (lots < max && balance >= HOUR && this.at(i, c, balance) <= price) {
      balance -= HOUR;
      lots++;
    }
    return lots;
  }

  /** Lots of `c` the member would buy at `price` fiat per hour, at most `max`: those whose value lies above it. */
  lotsToBuy(i: number, c: number, price: number, max: number): number {
    let balance = this.economy.currencies[c].balances[i] + HOUR;
    let lots = 0;
    while (lots < max && this.at(i, c, balance) >= price) {
      balance += HOUR;
      lots++;
    }
    return lots;
  }
}
