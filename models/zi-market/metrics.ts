import { ModelMetrics, type MetricTable } from '../../sim/metrics/metric-table.js';
import { sd } from '../../sim/stats/moments.js';
import type { ZiPeriod } from './period.js';
import type { Equilibrium } from './surplus.js';

/** What the zero-intelligence market's metrics read after a tick: the period traded and its benchmark. */
export interface ZiReading {
  readonly period: ZiPeriod;
  readonly benchmark: Equilibrium;
  /** Surplus realised by the period's trades, and the sum of their prices. */
  readonly realised: number;
  readonly priceSum: number;
}

const table: MetricTable<ZiReading> = [
  {
    name: 'efficiency',
    description:
      'Realised surplus / maximum surplus of the period (1 if no gains were possible and none lost)',
    unit: 'ratio',
    read: ({ realised, benchmark }) =>
      benchmark.surplus > 0 ? realised / benchmark.surplus : realised === 0 ? 1 : 0,
  },
  { name: 'trades', description: 'Trades in the period', unit: 'count', read: ({ period }) => period.trades },
  {
    name: 'mean_price',
    description: 'Mean trade price of the period (0 without trades)',
    unit: 'price',
    read: ({ period, priceSum }) => (period.trades > 0 ? priceSum / period.trades : 0),
  },
  {
    name: 'price_sd',
    description: 'Population sd of the trade prices of the period',
    unit: 'price',
    read: ({ period }) => sd(period.prices, period.trades),
  },
  {
    name: 'equilibrium_price',
    description: 'Midpoint of the market-clearing price interval',
    unit: 'price',
    read: ({ benchmark }) => benchmark.price,
  },
  {
    name: 'equilibrium_quantity',
    description: 'Trades in the efficient allocation',
    unit: 'count',
    read: ({ benchmark }) => benchmark.quantity,
  },
  {
    name: 'loss_trades',
    description: 'Trades where the buyer paid above its value or the seller sold below its cost',
    unit: 'count',
    read: ({ period }) => period.lossTrades,
  },
  {
    name: 'surplus',
    description: 'Realised surplus: sum of value - cost over the trades',
    unit: 'price',
    read: ({ realised }) => realised,
  },
  {
    name: 'max_surplus',
    description: 'Maximum surplus (competitive equilibrium)',
    unit: 'price',
    read: ({ benchmark }) => benchmark.surplus,
  },
];

export const ziMarketMetrics = new ModelMetrics(() => table);
