import type { z } from 'zod';
import type { Rng } from './random/rng.js';

/** One recorded metric: a column of the metrics table. */
export interface MetricDef {
  /** snake_case column name. */
  readonly name: string;
  /** What it measures, in one line. */
  readonly description: string;
  /** Unit, e.g. `units`, `share`, `count`, `minor units`. */
  readonly unit: string;
}

/** A problem in a user's formula, at a character position (0-based). */
export interface FormulaProblem {
  /** The whole message: the reason, the formula and a caret under the problem. */
  readonly message: string;
  readonly reason: string;
  readonly position: number;
}

/** What a model's formula designer computes on the current population: a payout per member of a pool. */
export interface FormulaDesign {
  /** Why the formula was refused, or null. */
  readonly problem: FormulaProblem | null;
  /** Each member's payout of the pool (whole minor units summing to the pool); empty when refused. */
  readonly payouts: Float64Array;
  /** Each member's contribution, to compare payouts with, and the name of that variable. */
  readonly contribution: Float64Array;
  readonly contributionName: string;
  /** Variables the formula uses that are 0 for every member now (a hint, e.g. no records without AIS). */
  readonly constantZero: readonly string[];
}

/** What the engine hands a model when a run starts. */
export interface ModelContext<P> {
  readonly params: P;
  readonly seed: number;
  readonly replicate: number;
  readonly ticks: number;
  /** An independent random stream by name (same name, same stream). */
  rng(name: string): Rng;
  /** How many events a model should trace in detail (0: none), e.g. negotiations. */
  readonly trace: number;
  /** Sends one record to a named output channel (the CLI writes `<channel>.jsonl`). */
  emit(channel: string, record: unknown): void;
}

/** A live model: its state lives in typed arrays inside; the engine only calls these. */
export interface ModelInstance<P> {
  /** Advances the model by one tick (ticks count from 1). */
  step(tick: number): void;
  /** Writes the current value of every metric, in `metrics(params)` order, into `out`. */
  observe(out: Float64Array): void;
  /** Takes new params from a timeline event; `changed` lists the dotted paths that changed. */
  setParams?(next: P, changed: readonly string[]): void;
  /** Checks the model's invariants after `observe`; returns a description of the first violation, or null. */
  invariants?(): string | null;
  /** Named per-agent arrays for dashboards (e.g. wealth), copied by the caller if kept. */
  snapshot?(): Record<string, ArrayLike<number>>;
  /** Optional: pays `pool` by a user's formula on the population as it is now (the lab's formula designer). */
  designFormula?(formula: string, pool: number, tick: number): FormulaDesign;
}

/** A model as registered with the engine. */
export interface ModelDefinition<P = unknown> {
  readonly name: string;
  readonly description: string;
  /**
   * Params schema: a zod object whose fields carry `.describe()` and `.default()`; the params a timeline event
   * may change during a run are marked in it with `live()` (sim/scenario/live.ts).
   */
  readonly params: z.ZodType<P>;
  /** The metrics a run with these params records, in column order. */
  metrics(params: P): readonly MetricDef[];
  create(context: ModelContext<P>): ModelInstance<P>;
}

/** A registry of models by name: the only way hosts hand models to the engine. */
export type ModelRegistry = ReadonlyMap<string, ModelDefinition<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
