import type { z } from 'zod';
import type { Rng } from './random/rng.js';
import type { ViewProvider } from './view/view-frame.js';

/** One recorded metric: a column of the metrics table. */
export interface MetricDef {
  /** snake_case column name. */
  readonly name: string;
  /** What it measures, in one line. */
  readonly description: string;
  /** Unit, e.g. `units`, `share`, `count`, `minor units`. */
  readonly unit: string;
}

/**
 * An extra capability a model offers beyond stepping (e.g. mimo's formula designer), named so that a host can
 * list it and call it without knowing its type: the model that offers it exports its interface.
 */
export interface ExtensionInfo {
  /** kebab-case, e.g. `formula-designer`. */
  readonly name: string;
  /** What it does, in one line. */
  readonly description: string;
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
  /**
   * Starts a live view of at most `maxMembers` members (chosen with `viewSample`): from then on the model notes,
   * read-only, what the sampled members do each tick, and the provider draws frames of it. Watching never changes
   * a fingerprint.
   */
  watch?(maxMembers: number): ViewProvider;
  /**
   * The extensions its definition lists, by name: each an object of methods typed by the model's own interface.
   * Methods take and return plain data (a worker host copies them across the boundary) and leave the run as it
   * was: calling them never changes a fingerprint.
   */
  readonly extensions?: Readonly<Record<string, object>>;
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
  /** The extensions every instance offers (none if absent), listed to hosts before a run opens. */
  readonly extensions?: readonly ExtensionInfo[];
  create(context: ModelContext<P>): ModelInstance<P>;
}

/** A registry of models by name: the only way hosts hand models to the engine. */
export type ModelRegistry = ReadonlyMap<string, ModelDefinition<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
