import { ModelMetrics, type MetricTable } from '../../sim/metrics/metric-table.js';

/** What the metric reads after a tick: this tick's value of the function. */
export interface SobolGReading {
  readonly value: number;
}

const table: MetricTable<SobolGReading> = [
  {
    name: 'y',
    description: 'The G function at (x1, …, x8), plus noise if any',
    unit: 'value',
    read: ({ value }) => value,
  },
];

export const sobolGMetrics = new ModelMetrics(() => table);
