import type { MetricDef, ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import { sd } from '../../sim/stats/moments.js';
import { ziMarketParams, type ZiMarketParams } from './params.js';
import { ZiPeriod } from './period.js';
import { equilibrium, type Equilibrium } from './surplus.js';

const METRICS: readonly MetricDef[] = [
  {
    name: 'efficiency',
    description:
      'Realised surplus / maximum surplus of the period (1 if no gains were possible and none lost)',
    unit: 'ratio',
  },
  { name: 'trades', description: 'Trades in the period', unit: 'count' },
  { name: 'mean_price', description: 'Mean trade price of the period (0 without trades)', unit: 'price' },
  { name: 'price_sd', description: 'Population sd of the trade prices of the period', unit: 'price' },
  { name: 'equilibrium_price', description: 'Midpoint of the market-clearing price interval', unit: 'price' },
  { name: 'equilibrium_quantity', description: 'Trades in the efficient allocation', unit: 'count' },
  {
    name: 'loss_trades',
    description: 'Trades where the buyer paid above its value or the seller sold below its cost',
    unit: 'count',
  },
  { name: 'surplus', description: 'Realised surplus: sum of value - cost over the trades', unit: 'price' },
  { name: 'max_surplus', description: 'Maximum surplus (competitive equilibrium)', unit: 'price' },
];

/** A run of the zero-intelligence market: each tick is one trading period with fresh values and costs. */
class ZiMarket implements ModelInstance<ZiMarketParams> {
  private readonly period: ZiPeriod;
  private readonly sortedValues: Float64Array;
  private readonly sortedCosts: Float64Array;
  private readonly benchmark: Equilibrium = { quantity: 0, surplus: 0, price: 0 };
  private params: ZiMarketParams;

  constructor(private readonly context: ModelContext<ZiMarketParams>) {
    const p = (this.params = context.params);
    this.period = new ZiPeriod(p.buyers, p.sellers);
    this.sortedValues = new Float64Array(p.buyers);
    this.sortedCosts = new Float64Array(p.sellers);
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
  }

  observe(out: Float64Array): void {
    const period = this.period;
    const n = period.trades;
    let realised = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      realised += period.gains[i];
      sum += period.prices[i];
    }
    const best = this.benchmark.surplus;
    out[0] = best > 0 ? realised / best : realised === 0 ? 1 : 0;
    out[1] = n;
    out[2] = n > 0 ? sum / n : 0;
    out[3] = sd(period.prices, n);
    out[4] = this.benchmark.price;
    out[5] = this.benchmark.quantity;
    out[6] = period.lossTrades;
    out[7] = realised;
    out[8] = best;
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
  metrics: () => METRICS,
  create: (context) => new ZiMarket(context),
};
