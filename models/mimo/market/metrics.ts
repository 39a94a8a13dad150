import type { Metric } from '../../../sim/metrics/metric-table.js';
import { HOUR } from '../params.js';
import type { TradeStats } from '../trading/trade.js';
import type { CurrencyMarket } from './currency-market.js';
import { DRIFT_TICKS } from './rate-history.js';

/** What the market's metrics read after a tick. */
export interface MarketReading {
  readonly market: CurrencyMarket;
  /** The tick's trade counters (the market counts its swaps there). */
  readonly stats: TradeStats;
}

type Row = Metric<MarketReading>;

/** The currency market's metrics: swaps, reference rates, arbitrage; `models/mimo/metrics.ts` orders them. */
export const marketMetrics = {
  fxVolatility: {
    name: 'fx_volatility',
    description: 'Mean volatility (sd of log changes over the window) of the reference rates',
    unit: 'log-change sd',
    read: ({ market }) => market.rates.meanVolatility(),
  },
  fxSwaps: {
    name: 'fx_swaps',
    description:
      'Members’ currency purchases this tick: a bilateral swap with one holder, or one taker order on the double auction',
    unit: 'count',
    read: ({ stats }) => stats.swaps,
  },
  fxSwapsCultural: {
    name: 'fx_swaps_cultural',
    description: 'Swaps between two cultural currencies this tick (part of fx_swaps)',
    unit: 'count',
    read: ({ stats }) => stats.culturalSwaps,
  },
  serviceRate: {
    name: 'service_rate',
    description: 'Fiat price of an hour of service (exponential average of the trades): what an hour buys',
    unit: 'fiat minor units per hour',
    read: ({ market }) => market.hourValue.serviceRate,
  },
  /** ln(rate now / rate DRIFT_TICKS ago) of cultural currency `c`. */
  rateDrift: (c: number, name: string): Row => ({
    name: `rate_drift_${name}`,
    description: `ln(rate now / rate ${DRIFT_TICKS} ticks ago) of ${name} (0 before)`,
    unit: 'log change',
    read: ({ market }) => market.history.drift(c),
  }),
  /** The reference rate of cultural currency `c` (named `name`). */
  rate: (c: number, name: string): Row => ({
    name: `rate_${name}`,
    description: `Reference rate of ${name} (fiat per hour)`,
    unit: 'fiat minor units per hour',
    read: ({ market }) => market.rates.fiatValue(c) * HOUR,
  }),
  arbitrageTrades: {
    name: 'arbitrage_trades',
    description: 'Arbitrage orders that traded this tick (not counted in fx_swaps)',
    unit: 'count',
    read: ({ market }) => market.arbitrage.trades,
  },
  arbitrageWealth: {
    name: 'arbitrage_wealth',
    description: 'Arbitrage traders’ holdings at reference rates minus their capital',
    unit: 'fiat minor units',
    read: ({ market }) => market.arbitrage.wealth(),
  },
} satisfies Record<string, Row | ((c: number, name: string) => Row)>;
