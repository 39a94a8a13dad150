import { ModelMetrics, type MetricTable } from '../../sim/metrics/metric-table.js';
import type { IntegerHistogram } from '../../sim/stats/integer-histogram.js';

/** The metrics of the money game, read from the histogram of wealth counted at the end of each tick. */
const table: MetricTable<IntegerHistogram> = [
  { name: 'gini', description: 'Gini coefficient of wealth', unit: 'ratio', read: (h) => h.gini() },
  { name: 'mean', description: 'Mean wealth per agent', unit: 'units', read: (h) => h.mean() },
  { name: 'sd', description: 'Standard deviation of wealth', unit: 'units', read: (h) => h.sd() },
  { name: 'max', description: 'Largest wealth', unit: 'units', read: (h) => h.max },
  { name: 'min', description: 'Smallest wealth', unit: 'units', read: (h) => h.min },
  {
    name: 'share_zero_or_less',
    description: 'Share of agents with wealth <= 0',
    unit: 'share',
    read: (h) => h.countAtMost(0) / h.n,
  },
  {
    name: 'share_negative',
    description: 'Share of agents in debt (wealth < 0)',
    unit: 'share',
    read: (h) => h.countAtMost(-1) / h.n,
  },
  {
    name: 'total',
    description: 'Total wealth (conserved: never changes)',
    unit: 'units',
    read: (h) => h.total,
  },
];

export const kineticExchangeMetrics = new ModelMetrics(() => table);
