import { describe, expect, it } from 'vitest';
import {
  metricColumns,
  MetricWriter,
  ModelMetrics,
  readThrough,
  type MetricTable,
} from '../../../sim/metrics/metric-table.js';

interface Counter {
  count: number;
  total: number;
}

const table: MetricTable<Counter> = [
  { name: 'count', unit: 'count', description: 'How many', read: (s) => s.count },
  { name: 'mean', unit: 'units', description: 'Mean', read: (s) => (s.count > 0 ? s.total / s.count : 0) },
];

describe('metric tables', () => {
  it('give their columns as plain data, in order, without the readers', () => {
    const columns = metricColumns(table);
    expect(columns).toEqual([
      { name: 'count', unit: 'count', description: 'How many' },
      { name: 'mean', unit: 'units', description: 'Mean' },
    ]);
    expect(structuredClone(columns)).toEqual(columns); // a worker can send them
  });

  it('refuse a metric declared twice', () => {
    expect(() => metricColumns([...table, table[0]])).toThrow('metric count is declared twice');
  });

  it('write each tick’s values at the column of their row', () => {
    const writer = new MetricWriter(table);
    const source = { count: 4, total: 10 };
    const out = new Float64Array(2);
    writer.write(source, {}, out);
    expect([...out]).toEqual([4, 2.5]);
    source.count = 0;
    writer.write(source, {}, out);
    expect([...out]).toEqual([0, 0]);
  });

  it('hand each read the params in force', () => {
    const scaled: MetricTable<Counter, { scale: number }> = [
      { name: 'scaled', unit: 'units', description: 'Total × scale', read: (s, p) => s.total * p.scale },
    ];
    const out = new Float64Array(1);
    const writer = new MetricWriter(scaled);
    writer.write({ count: 1, total: 3 }, { scale: 2 }, out);
    expect(out[0]).toBe(6);
    writer.write({ count: 1, total: 3 }, { scale: 5 }, out);
    expect(out[0]).toBe(15);
  });

  it('read a part’s table through the part of a larger source', () => {
    const whole = { counter: { count: 2, total: 3 }, other: 9 };
    const lifted = readThrough(table, (s: typeof whole) => s.counter);
    expect(metricColumns(lifted)).toEqual(metricColumns(table));
    const out = new Float64Array(2);
    new MetricWriter(lifted).write(whole, {}, out);
    expect([...out]).toEqual([2, 1.5]);
  });

  it('give a model its column list and its writer from the same rows for the same params', () => {
    const metrics = new ModelMetrics((p: { withMean: boolean }) => (p.withMean ? table : table.slice(0, 1)));
    expect(metrics.columns({ withMean: false }).map((m) => m.name)).toEqual(['count']);
    expect(metrics.columns({ withMean: true }).map((m) => m.name)).toEqual(['count', 'mean']);
    const out = new Float64Array([7, 7]);
    metrics.writer({ withMean: false }).write({ count: 1, total: 1 }, { withMean: true }, out);
    expect([...out]).toEqual([1, 7]);
  });
});
