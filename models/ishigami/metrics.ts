import { ModelMetrics, type MetricTable } from '../../sim/metrics/metric-table.js';

/** What the metric reads after a tick: this tick's value of the function. */
export interface IshigamiReading {
  readonly value: number;
}

const table: MetricTable<IshigamiReading> = [
  {
    name: 'y',
    description: 'The Ishigami function at (x1, x2, x3), plus noise if any',
    unit: 'value',
    read: ({ value }) => value,
  },
];

export const ishigamiMetrics = new ModelMetrics(() => table);
