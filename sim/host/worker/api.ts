import type { ExtensionInfo, MetricDef } from '../../model.js';
import type { Frame } from '../../run/recorder.js';
import type { RunResult } from '../../run/run.js';
import type { Problem } from '../../scenario/problems.js';
import type { Scenario } from '../../scenario/scenario.js';
import type { Override } from '../../scenario/validate.js';
import type { Distribution as SampleDistribution } from '../../stats/distribution.js';
import type { Band } from '../../stats/quantile-band.js';
import type { MemberStory, ViewFrame } from '../../view/view-frame.js';
import type { Interval } from '../../stats/interval.js';

export type { Band, Interval, MemberStory, RunResult, ViewFrame };

/** What to open: a parsed scenario or its YAML text, plus overrides (`seed`, `ticks`, `params.x`...). */
export interface OpenRequest {
  /** A parsed scenario object (takes precedence over `text`). */
  readonly scenario?: unknown;
  /** The scenario file's YAML (or JSON) text. */
  readonly text?: string;
  /** Name of the source shown in problems, e.g. `scenarios/money-game.yaml`. */
  readonly source?: string;
  readonly overrides?: readonly Override[];
  /** Ticks per streamed frame (K); frames are cut by tick count, so they are the same on every host. */
  readonly frameEvery?: number;
  /** Replicate index (an independent family of random streams for the same seed). */
  readonly replicate?: number;
}

/**
 * A model as the worker describes it to a page: params as JSON Schema, metrics for the default params (if any),
 * the extensions its runs offer.
 */
export interface ModelInfo {
  readonly name: string;
  readonly description: string;
  readonly paramsSchema: Record<string, unknown>;
  readonly live: readonly string[];
  readonly metrics: readonly MetricDef[];
  readonly extensions: readonly ExtensionInfo[];
}

/** The run just opened. */
export interface RunInfo {
  readonly scenario: Scenario;
  readonly metrics: readonly MetricDef[];
  readonly frameEvery: number;
}

/** A live change accepted (the tick it applies at, and the scenario with it as a timeline event), or refused. */
export type ChangeReply = { ok: true; at: number; scenario: Scenario } | { ok: false; problems: Problem[] };

export type OpenReply = { ok: true; info: RunInfo } | { ok: false; problems: Problem[] };

export interface RunState {
  readonly tick: number;
  readonly ticks: number;
  readonly playing: boolean;
  readonly done: boolean;
}

/** Per-agent arrays of the model now (copies, transferred). */
export interface Snapshot {
  readonly tick: number;
  readonly arrays: Record<string, Float64Array>;
}

/** Histogram, Lorenz curve, mean and Gini of one per-agent array at a tick, computed in the worker. */
export interface Distribution extends SampleDistribution {
  readonly tick: number;
}

/**
 * The page's side of the stream: frames every K ticks, state changes, the end, failures. Every method is
 * required: through Comlink a missing method cannot be detected, only called.
 */
export interface RunListener {
  frame(frame: Frame): void;
  state(state: RunState): void;
  done(result: RunResult): void;
  error(message: string): void;
}

/** What the worker knows before a run opens: the registered models, and whether a scenario is valid. */
export interface ModelCatalogApi {
  /** Every registered model with its params JSON Schema and its extensions. */
  models(): ModelInfo[];
  /** Validates without opening; [] when the scenario is valid. */
  validate(request: OpenRequest): Problem[];
}

/** Run control: one open run, stepped or played in time slices, streamed to a listener in frames. */
export interface RunControlApi {
  /** Opens a run (closing any open one); the listener receives its frames. */
  open(request: OpenRequest, listener?: RunListener): OpenReply;
  /** Runs up to n ticks now (pauses play first). */
  step(n?: number): RunState;
  /** Plays in time slices at `ticksPerSecond` (0: as fast as possible) until paused or done; returns at once. */
  play(ticksPerSecond?: number): RunState;
  pause(): RunState;
  /** Changes the speed of a playing run. */
  setSpeed(ticksPerSecond: number): RunState;
  /** Sends the ticks recorded but not yet streamed (a partial frame; used after a manual step). */
  flush(): void;
  state(): RunState;
  /** Runs to the end at once and returns the result with its fingerprint. */
  runToEnd(): RunResult;
  /**
   * Changes live params at the start of the next tick, exactly as a timeline event `{ at: tick + 1, set }` in the
   * scenario would (same checks: live params, valid values, a tick within the run). `set` maps dotted paths
   * (with or without `params.`) to values.
   */
  change(set: Readonly<Record<string, unknown>>): ChangeReply;
  /** The result so far (fingerprint of the recorded ticks), or null when no run is open. */
  result(): RunResult | null;
  close(): void;
}

/** Statistics computed in the worker: of the open run (snapshots, distributions, columns) and of ensembles. */
export interface RunStatisticsApi {
  snapshot(): Snapshot;
  /** Histogram (`bins` bins, integer-aligned for integer data) and Lorenz curve of a snapshot array. */
  distribution(name: string, bins?: number, lorenzPoints?: number): Distribution | null;
  /** All recorded columns so far (copies), in metric order. */
  columns(): Float64Array[];
  /** Per-tick mean and two-sided `level` quantile band over series (e.g. 0.9: 5% to 95%). */
  band(series: Float64Array[], level?: number): Band;
  /** Mean and `level` Student-t interval of each sample. */
  intervals(samples: number[][], level?: number): Interval[];
}

/**
 * The open run's live view (the model's frames: a deterministic sample of members, what they hold, what moved in
 * the last tick). Watching only reads the model: it never changes a fingerprint.
 */
export interface LiveViewApi {
  /** Starts watching the open run, showing at most `maxMembers` members; false if its model has no live view. */
  watch(maxMembers: number): boolean;
  /** The frame of the state now, or null when not watching or no tick has run since `afterTick`. */
  viewFrame(afterTick?: number): ViewFrame | null;
  /** Member `member`'s story now: everything the model knows (the teacher's omniscient view), or null. */
  story(member: number): MemberStory | null;
}

/** The open run's model extensions, called by name (the types are the model's). */
export interface RunExtensionsApi {
  /**
   * Calls `method` of the open run's extension `name` (listed in `ModelInfo.extensions`) with `args`, e.g.
   * `extension('formula-designer', 'report', ['records'])`. The result is copied across the boundary, not
   * transferred. Throws if the model offers no such extension or method.
   */
  extension(name: string, method: string, args?: readonly unknown[]): unknown;
}

/**
 * The engine as a worker offers it (through Comlink, in a browser module worker or a Node worker thread): one
 * object made of the parts above (`sim-worker.ts`). One worker holds at most one open run.
 */
export interface SimWorkerApi
  extends ModelCatalogApi, RunControlApi, RunStatisticsApi, RunExtensionsApi, LiveViewApi {}
