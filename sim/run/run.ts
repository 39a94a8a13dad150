import type { MetricDef, ModelDefinition, ModelInstance } from '../model.js';
import { Streams } from '../random/streams.js';
import type { Scenario, TimelineEvent } from '../scenario/scenario.js';
import { withPath } from '../scenario/paths.js';
import { Recorder, type FrameSink, type MetricSummary } from './recorder.js';
import { EVERY_TICK, isRecorded, type Recording } from './recording.js';
import type { MemberStory, ViewFrame, ViewProvider } from '../view/view-frame.js';

/** Where a model's extra records go (the CLI writes one JSONL file per channel). */
export interface ChannelSink {
  emit(channel: string, record: unknown): void;
}

export interface RunOptions {
  /** Replicate index within an ensemble: a separate family of random streams for the same seed. */
  readonly replicate?: number;
  readonly frames?: FrameSink;
  /** Ticks per frame sent to `frames`. */
  readonly frameEvery?: number;
  readonly channels?: ChannelSink;
  /** How many events the model should trace in detail. */
  readonly trace?: number;
  /** Check the model's invariants after every recorded tick (default true). */
  readonly checkInvariants?: boolean;
  /**
   * Which ticks are recorded (default every tick). Only recorded ticks are observed and have their invariants
   * checked (a model may check them on what observing computed), so recording less makes a run cheaper.
   */
  readonly record?: Recording;
}

export interface RunResult {
  readonly scenario: string;
  readonly model: string;
  readonly seed: number;
  readonly ticks: number;
  readonly fingerprint: string;
  readonly metrics: Record<string, MetricSummary>;
}

/** A model broke one of its own invariants: a bug, never bad input. */
export class InvariantError extends Error {}

/** One scenario, one seed: steps the model tick by tick, applies the timeline, records the metrics. */
export class Run<P = unknown> {
  readonly metrics: readonly MetricDef[];
  readonly recorder: Recorder;
  private readonly instance: ModelInstance<P>;
  private readonly row: Float64Array;
  private readonly events: TimelineEvent[];
  private readonly recording: Recording;
  private nextEvent = 0;
  private params: P;
  private tickCount = 0;
  private view: ViewProvider | null = null;

  constructor(
    readonly model: ModelDefinition<P>,
    readonly scenario: Scenario<P>,
    private readonly options: RunOptions = {},
  ) {
    this.params = scenario.params;
    this.metrics = model.metrics(scenario.params);
    this.row = new Float64Array(this.metrics.length);
    this.recorder = new Recorder(
      this.metrics,
      scenario.ticks,
      options.frames ?? null,
      options.frameEvery ?? 64,
      options.record ?? EVERY_TICK,
    );
    this.recording = options.record ?? EVERY_TICK;
    this.events = [...scenario.timeline].sort((a, b) => a.at - b.at);
    const streams = new Streams(scenario.seed, options.replicate ?? 0);
    const channels = options.channels;
    this.instance = model.create({
      params: scenario.params,
      seed: scenario.seed,
      replicate: options.replicate ?? 0,
      ticks: scenario.ticks,
      trace: options.trace ?? 0,
      rng: (name) => streams.get(name),
      emit: channels ? (channel, record) => channels.emit(channel, record) : () => {},
    });
  }

  /** Ticks completed so far. */
  get tick(): number {
    return this.tickCount;
  }

  get done(): boolean {
    return this.tickCount >= this.scenario.ticks;
  }

  /** The params in force now (after any timeline events). */
  get currentParams(): P {
    return this.params;
  }

  /** Runs one tick; false once the run is over. */
  step(): boolean {
    if (this.done) return false;
    const tick = this.tickCount + 1;
    this.applyTimeline(tick);
    this.instance.step(tick);
    if (isRecorded(this.recording, tick, this.scenario.ticks)) {
      // Observe first: a model may check its invariants on what observing just computed (e.g. a total).
      this.instance.observe(this.row);
      if (this.options.checkInvariants !== false && this.instance.invariants) {
        const broken = this.instance.invariants();
        if (broken !== null) throw new InvariantError(`tick ${tick}: ${broken}`);
      }
      this.recorder.record(this.row, tick);
    }
    this.tickCount = tick;
    if (this.done) this.recorder.flush();
    return true;
  }

  /** Runs up to `n` ticks; returns how many ran. */
  advance(n: number): number {
    let ran = 0;
    while (ran < n && this.step()) ran++;
    return ran;
  }

  /** Runs to the end and returns the result. */
  runToEnd(): RunResult {
    while (this.step());
    return this.result();
  }

  /**
   * Changes params at the start of the next tick, exactly as a timeline event `{ at: tick + 1, set }` would (the
   * caller has validated `set` against the scenario with that event: `validateScenario` checks live paths).
   * Returns the tick the change applies at.
   */
  change(set: Readonly<Record<string, unknown>>): number {
    const at = this.tickCount + 1;
    // After any event already due at that tick: the file's events come first, as in a file listing both.
    let i = this.nextEvent;
    while (i < this.events.length && this.events[i].at <= at) i++;
    this.events.splice(i, 0, { at, set: { ...set } });
    return at;
  }

  /**
   * Starts the model's live view of at most `maxMembers` members (null if the model offers none). Watching only
   * reads the model: it never changes a fingerprint.
   */
  watch(maxMembers: number): boolean {
    this.view = this.instance.watch ? this.instance.watch(maxMembers) : null;
    return this.view !== null;
  }

  /** The live view's frame of the state now (null unless watching). */
  viewFrame(): ViewFrame | null {
    return this.view ? this.view.frame(this.tickCount) : null;
  }

  /** A member's story now, as the live view tells it (null unless watching, or no such member). */
  story(member: number): MemberStory | null {
    return this.view ? this.view.story(member) : null;
  }

  /** The model's per-agent arrays now, if it offers them. */
  snapshot(): Record<string, ArrayLike<number>> {
    return this.instance.snapshot ? this.instance.snapshot() : {};
  }

  /**
   * The model's extension `name` on the run as it is now, typed by the caller with the interface the model
   * exports for it (e.g. `run.extension<FormulaDesigner>(FORMULA_DESIGNER)`). Throws if the model offers none
   * by that name.
   */
  extension<E extends object>(name: string): E {
    const declared = this.model.extensions ?? [];
    const offered = declared.some((e) => e.name === name) ? this.instance.extensions?.[name] : undefined;
    if (!offered) {
      const names = declared.map((e) => e.name).join(', ') || 'none';
      throw new Error(`model ${this.model.name} offers no extension '${name}' (it offers: ${names})`);
    }
    return offered as E;
  }

  result(): RunResult {
    this.recorder.flush();
    return {
      scenario: this.scenario.name,
      model: this.model.name,
      seed: this.scenario.seed,
      ticks: this.tickCount,
      fingerprint: this.recorder.fingerprintHex(),
      metrics: this.recorder.summary(),
    };
  }

  private applyTimeline(tick: number): void {
    const changed: string[] = [];
    let params = this.params;
    while (this.nextEvent < this.events.length && this.events[this.nextEvent].at === tick) {
      for (const [path, value] of Object.entries(this.events[this.nextEvent].set)) {
        params = withPath(params, path, value);
        changed.push(path);
      }
      this.nextEvent++;
    }
    if (changed.length === 0) return;
    this.params = this.model.params.parse(params);
    this.instance.setParams?.(this.params, changed);
  }
}
