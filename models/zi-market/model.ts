import type { MetricWriter } from '../../sim/metrics/metric-table.js';
import type { ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import { ziMarketMetrics, type ZiReading } from './metrics.js';
import { ziMarketParams, type ZiMarketParams } from './params.js';
import { ZiPeriod } from './period.js';
import { equilibrium, type Equilibrium } from './surplus.js';

/** A run of the zero-intelligence market: each tick is one trading period with fresh values and costs. */
class ZiMarket implements ModelInstance<ZiMarketParams>, ZiReading {
  readonly period: ZiPeriod;
  private readonly sortedValues: Float64Array;
  private readonly sortedCosts: Float64Array;
  readonly benchmark: Equilibrium = { quantity: 0, surplus: 0, price: 0 };
  realised = 0;
  priceSum = 0;
  private readonly metrics: MetricWriter<ZiReading>;
  private params: ZiMarketParams;

  constructor(private readonly context: ModelContext<ZiMarketParams>) {
    const p = (this.params = context.params);
    this.period = new ZiPeriod(p.buyers, p.sellers);
    this.sortedValues = new Float64Array(p.buyers);
    this.sortedCosts = new Float64Array(p.sellers);
    this.metrics = ziMarketMetrics.writer(p);
  }

  step(): void {
    const { strategy, maxPrice, arrivals, buyers } = this.params;
    const period = this.period;
    period.run(
      this.context.rng('values'),
      this.context.rng('orders'),
      strategy === 'zi-c',
      maxPrice,
      arrivals,
    );
    this.sortedValues.set(period.reservation.subarray(0, buyers));
    this.sortedCosts.set(period.reservation.subarray(buyers));
    this.sortedValues.sort();
    this.sortedCosts.sort();
    equilibrium(this.sortedValues, buyers, this.sortedCosts, this.params.sellers, this.benchmark);
    this.realised = this.priceSum = 0;
    for (let i = 0; i < period.trades; i++) {
      this.realised += period.gains[i];
      this.priceSum += period.prices[i];
    }
  }

  observe(out: Float64Array): void {
    this.metrics.write(this, this.params, out);
  }

  setParams(next: ZiMarketParams): void {
    this.params = next;
  }

  invariants(): string | null {
    const broken = this.period.book.check();
    if (broken !== null) return `order book: ${broken}`;
    const { buyers, sellers } = this.params;
    let bought = 0;
    let sold = 0;
    for (let i = 0; i < buyers + sellers; i++) {
      const units = this.period.traded[i];
      if (units > 1) return `trader ${i} traded ${units} units (has one)`;
      if (i < buyers) bought += units;
      else sold += units;
    }
    if (bought !== this.period.trades || sold !== this.period.trades)
      return `units not conserved: ${this.period.trades} trades, ${bought} bought, ${sold} sold`;
    return null;
  }

  snapshot(): Record<string, ArrayLike<number>> {
    return { reservation: this.period.reservation, traded: this.period.traded };
  }
}

export const ziMarket: ModelDefinition<ZiMarketParams> = {
  name: 'zi-market',
  description:
    "Gode & Sunder's (1993) zero-intelligence traders in a continuous double auction (the order book the " +
    'mimo currency market uses): how much of the maximum surplus does the market institution alone deliver?',
  params: ziMarketParams,
  metrics: (p) => ziMarketMetrics.columns(p),
  create: (context) => new ZiMarket(context),
};
