import { ModelMetrics, type MetricTable } from '../../sim/metrics/metric-table.js';
import { giniOfSorted } from '../../sim/stats/gini.js';

/** What a metric reads after a tick: the model's state, read-only. */
export interface TemplateReading {
  /** Every balance, sorted ascending by `observe` before the metrics are read. */
  readonly sorted: Float64Array;
  /** Their sum. */
  readonly total: number;
  readonly incomeThisTick: number;
  readonly spendingThisTick: number;
}

/**
 * The metric table: one row per metric, in column order, each named where it is read (`sim/metrics/metric-table.ts`).
 * Names are unique snake_case; a value that can be missing in a tick is recorded as NaN and its description says so.
 * A metric is added here and nowhere else. A `read` may also take the params in force (its second argument).
 */
const table: MetricTable<TemplateReading> = [
  {
    name: 'wealth_mean',
    unit: 'units',
    description: 'Mean balance per agent',
    read: (s) => s.total / s.sorted.length,
  },
  {
    name: 'wealth_gini',
    unit: 'ratio',
    description: 'Gini coefficient of balances',
    read: (s) => giniOfSorted(s.sorted),
  },
  {
    name: 'wealth_max',
    unit: 'units',
    description: 'Largest balance',
    read: (s) => s.sorted[s.sorted.length - 1],
  },
  {
    name: 'wealth_total',
    unit: 'units',
    description: 'Money held by all agents',
    read: (s) => s.total,
  },
  {
    name: 'income',
    unit: 'units',
    description: 'Income earned by all agents this tick',
    read: (s) => s.incomeThisTick,
  },
  {
    name: 'spending',
    unit: 'units',
    description: 'Money spent outside by all agents this tick',
    read: (s) => s.spendingThisTick,
  },
];

/**
 * The model's metrics: the column list the definition gives the engine (plain data a host may send to the lab)
 * and the writer each run observes with, both from the table (a table may depend on the run's params).
 */
export const templateMetrics = new ModelMetrics(() => table);
