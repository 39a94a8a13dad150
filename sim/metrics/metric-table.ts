import type { MetricDef } from '../model.js';

/**
 * One metric, named where it is computed: its column (name, unit, description) and how its value is read from
 * `S`, what the model hands its metrics after a tick, under `P`, the params in force. `read` runs once per tick:
 * it must not allocate.
 */
export interface Metric<S, P = unknown> extends MetricDef {
  readonly read: (source: S, params: P) => number;
}

/** Metrics in column order: a model part's, or a whole model's. */
export type MetricTable<S, P = unknown> = readonly Metric<S, P>[];

/** The columns of a table without their readers: plain data, as `ModelDefinition.metrics` returns it. */
export function metricColumns<S, P>(table: MetricTable<S, P>): MetricDef[] {
  const seen = new Set<string>();
  return table.map(({ name, unit, description }) => {
    if (seen.has(name)) throw new Error(`metric ${name} is declared twice`);
    seen.add(name);
    return { name, unit, description };
  });
}

/**
 * A table read through one part of a larger source, e.g. a model part's metrics inside the model's. The wrapping
 * readers are made here, once per table: reading still allocates nothing.
 */
export function readThrough<S, T, P>(table: MetricTable<T, P>, part: (source: S) => T): Metric<S, P>[] {
  return table.map(({ name, unit, description, read }) => ({
    name,
    unit,
    description,
    read: (source: S, params: P) => read(part(source), params),
  }));
}

/**
 * Writes a table's values into a metrics row. Built once per run, so the columns and their readers are fixed and
 * each tick is one loop of typed-array writes.
 */
export class MetricWriter<S, P = unknown> {
  private readonly readers: readonly ((source: S, params: P) => number)[];

  constructor(table: MetricTable<S, P>) {
    this.readers = table.map((m) => m.read);
  }

  /** Writes every metric's value, read from `source` under the params in force, into `out` in column order. */
  write(source: S, params: P, out: Float64Array): void {
    const readers = this.readers;
    for (let i = 0; i < readers.length; i++) out[i] = readers[i](source, params);
  }
}

/**
 * A model's metrics from its table for a run's params: the column list (`ModelDefinition.metrics`) and the
 * writer a run observes with come from the same rows, so a metric is declared once. The params a run starts with
 * decide which columns exist; each tick's reads get the params in force then.
 */
export class ModelMetrics<P, S> {
  constructor(private readonly table: (params: P) => MetricTable<S, P>) {}

  /** The columns a run with these params records, in order. */
  columns(params: P): MetricDef[] {
    return metricColumns(this.table(params));
  }

  /** The writer of one run's rows (build it once, when the run starts). */
  writer(params: P): MetricWriter<S, P> {
    return new MetricWriter(this.table(params));
  }
}
