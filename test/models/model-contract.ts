import { expect } from 'vitest';
import type { z } from 'zod';
import type { MetricDef, ModelDefinition, ModelInstance } from '../../sim/model.js';
import { Streams } from '../../sim/random/streams.js';
import type { Run } from '../../sim/run/run.js';
import { fieldsAt, schemaAt } from '../../sim/scenario/schema-fields.js';

/**
 * What every model owes the engine, the CLI and the lab, checked the same way for every registered model (the
 * registry smoke test) and for the template. Assertions, so a failure names the model and what is wrong.
 */

/** A metric column name: lower-case words joined by underscores, e.g. `gini_fiat`, `share_hours`. */
export const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Name, description, params that all default and say what they are. */
export function expectDefinition(model: ModelDefinition<unknown>): void {
  expect(model.name, 'model name').toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  expect(model.description.length, `${model.name}: description`).toBeGreaterThan(20);
  const defaults = model.params.safeParse({});
  expect(defaults.success, `${model.name}: every param has a default`).toBe(true);
  for (const path of leafParams(model.params)) {
    const described = descriptionOf(schemaAt(model.params, path)!);
    expect(described.length, `${model.name}: param ${path.join('.')} has a description`).toBeGreaterThan(5);
  }
}

/** Paths of every param that is not a section of others (objects and arrays of objects are walked into). */
function leafParams(schema: z.ZodType, path: PropertyKey[] = []): PropertyKey[][] {
  const fields = fieldsAt(schema, path);
  if (fields.length > 0) return fields.flatMap((f) => leafParams(schema, [...path, f]));
  if (fieldsAt(schema, [...path, 0]).length > 0) return leafParams(schema, [...path, 0]);
  return [path];
}

/** A param's description, wherever it was set among its wrappers (`.describe()` before or after `.default()`). */
function descriptionOf(schema: z.ZodType): string {
  for (let s: z.ZodType | undefined = schema; s;) {
    if (s.description) return s.description;
    s = (s as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
  }
  return '';
}

/** Metric names unique and snake_case, each with a description and a unit. */
export function expectMetricTable(model: string, metrics: readonly MetricDef[]): void {
  expect(metrics.length, `${model}: metrics`).toBeGreaterThan(0);
  const names = metrics.map((m) => m.name);
  expect(new Set(names).size, `${model}: metric names are unique (${names.join(', ')})`).toBe(names.length);
  for (const m of metrics) {
    expect(m.name, `${model}: metric name`).toMatch(SNAKE_CASE);
    expect(m.description.trim().length, `${model}: ${m.name} has a description`).toBeGreaterThan(3);
    expect(m.unit.trim().length, `${model}: ${m.name} has a unit`).toBeGreaterThan(0);
  }
}

/**
 * The recorded values of a finished run: never infinite; NaN (a missing value) only in a metric whose
 * description says it may be missing.
 */
export function expectRecordedValues(run: Run): void {
  run.metrics.forEach((m, i) => {
    const values = run.recorder.columns[i].subarray(0, run.tick);
    const infinite = values.findIndex((v) => v === Infinity || v === -Infinity);
    expect(infinite, `${run.scenario.name}: ${m.name} is infinite at tick ${infinite + 1}`).toBe(-1);
    if (!/missing/i.test(m.description)) {
      const missing = values.findIndex(Number.isNaN);
      expect(missing, `${run.scenario.name}: ${m.name} is NaN at tick ${missing + 1}`).toBe(-1);
    }
  });
}

/** A live instance of a model outside any Run, to ask what it offers (e.g. invariants). */
export function instanceOf<P>(model: ModelDefinition<P>, params: P): ModelInstance<P> {
  const streams = new Streams(1);
  return model.create({
    params,
    seed: 1,
    replicate: 0,
    ticks: 1,
    trace: 0,
    rng: (name) => streams.get(name),
    emit: () => {},
  });
}
