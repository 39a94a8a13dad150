import { z } from 'zod';
import type { ModelRegistry } from '../../model.js';
import { livePaths } from '../../scenario/live.js';
import type { Frame } from '../../run/recorder.js';
import { Run, type RunResult } from '../../run/run.js';
import { InputError, type Problem } from '../../scenario/problems.js';
import type { Scenario } from '../../scenario/scenario.js';
import { parseScenarioText, validateScenario } from '../../scenario/validate.js';
import type {
  Band,
  Distribution,
  Interval,
  ModelInfo,
  OpenReply,
  OpenRequest,
  RunListener,
  RunState,
  SimWorkerApi,
  Snapshot,
} from './api.js';
import { distributionOf } from '../../stats/distribution.js';
import { meanInterval } from '../../stats/interval.js';
import { quantileBand } from '../../stats/quantile-band.js';

/** Marks buffers to move, not copy, across the worker boundary (Comlink.transfer in a worker; identity in-process). */
export type Transfer = <T>(value: T, buffers: Transferable[]) => T;

const SLICE_MS = 12;

/** The engine side of the worker API: one open run, stepped, played in time slices, streamed in frames. */
export class SimSession implements SimWorkerApi {
  private run: Run | null = null;
  private listener: RunListener | null = null;
  private playing = false;
  private speed = 0;
  private playStart = 0;
  private playStartTick = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly registry: ModelRegistry,
    private readonly transfer: Transfer = (v) => v,
  ) {}

  models(): ModelInfo[] {
    return [...this.registry.values()].map((m) => {
      // A model whose params all have defaults lists its metrics; others list them once a run opens.
      const defaults = m.params.safeParse({});
      return {
        name: m.name,
        description: m.description,
        paramsSchema: z.toJSONSchema(m.params, { io: 'input', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >,
        live: [...livePaths(m.params)],
        metrics: defaults.success ? [...m.metrics(defaults.data)] : [],
        extensions: [...(m.extensions ?? [])],
      };
    });
  }

  validate(request: OpenRequest): Problem[] {
    const checked = this.check(request);
    return 'problems' in checked ? checked.problems : [];
  }

  open(request: OpenRequest, listener?: RunListener): OpenReply {
    this.close();
    const checked = this.check(request);
    if ('problems' in checked) return { ok: false, problems: checked.problems };
    const scenario = checked.scenario;
    const model = this.registry.get(scenario.model)!;
    const frameEvery = Math.max(1, Math.floor(request.frameEvery ?? 16));
    this.listener = listener ?? null;
    const sink = { frame: (f: Frame) => this.send(f) };
    this.run = new Run(model, scenario, { frames: sink, frameEvery, replicate: request.replicate ?? 0 });
    return { ok: true, info: { scenario, metrics: [...this.run.metrics], frameEvery } };
  }

  step(n = 1): RunState {
    this.stopTimer();
    this.playing = false;
    this.guard(() => this.open_().advance(Math.max(0, Math.floor(n))));
    return this.report();
  }

  play(ticksPerSecond = 0): RunState {
    const run = this.open_();
    if (run.done || this.playing) return this.state();
    this.playing = true;
    this.setSpeed(ticksPerSecond);
    this.timer = setTimeout(() => this.slice(), 0);
    return this.report();
  }

  pause(): RunState {
    this.stopTimer();
    this.playing = false;
    return this.report();
  }

  setSpeed(ticksPerSecond: number): RunState {
    this.speed = Math.max(0, ticksPerSecond);
    this.playStart = performance.now();
    this.playStartTick = this.run?.tick ?? 0;
    return this.state();
  }

  flush(): void {
    this.run?.recorder.flush();
  }

  state(): RunState {
    const run = this.run;
    return {
      tick: run?.tick ?? 0,
      ticks: run?.scenario.ticks ?? 0,
      playing: this.playing,
      done: run?.done ?? false,
    };
  }

  snapshot(): Snapshot {
    const run = this.open_();
    const arrays: Record<string, Float64Array> = {};
    for (const [name, values] of Object.entries(run.snapshot())) arrays[name] = Float64Array.from(values);
    return this.transfer(
      { tick: run.tick, arrays },
      Object.values(arrays).map((a) => a.buffer),
    );
  }

  distribution(name: string, bins = 40, lorenzPoints = 101): Distribution | null {
    const run = this.open_();
    const values = run.snapshot()[name];
    if (!values) return null;
    const d = { tick: run.tick, ...distributionOf(values, bins, lorenzPoints) };
    return this.transfer(d, [
      d.binStart.buffer,
      d.counts.buffer,
      d.lorenzPopulation.buffer,
      d.lorenzShare.buffer,
    ]);
  }

  extension(name: string, method: string, args: readonly unknown[] = []): unknown {
    const extension = this.open_().extension<Record<string, unknown>>(name);
    const call = method in Object.prototype ? undefined : extension[method];
    if (typeof call !== 'function') throw new Error(`extension '${name}' has no method '${method}'`);
    return call.apply(extension, args);
  }

  runToEnd(): RunResult {
    this.stopTimer();
    this.playing = false;
    const run = this.open_();
    while (run.step());
    const result = run.result();
    this.notify((l) => l.done(result));
    return result;
  }

  result(): RunResult | null {
    return this.run ? this.run.result() : null;
  }

  columns(): Float64Array[] {
    const run = this.open_();
    const cols = run.recorder.columns.map((c) => c.slice(0, run.tick));
    return this.transfer(
      cols,
      cols.map((c) => c.buffer),
    );
  }

  band(series: Float64Array[], level = 0.9): Band {
    const b = quantileBand(series, level);
    return this.transfer(b, [b.mean.buffer, b.low.buffer, b.high.buffer]);
  }

  intervals(samples: number[][], level = 0.95): Interval[] {
    return samples.map((s) => meanInterval(s, level));
  }

  close(): void {
    this.stopTimer();
    this.playing = false;
    this.run = null;
    this.listener = null;
  }

  private check(request: OpenRequest): { scenario: Scenario } | { problems: Problem[] } {
    const source = request.source ?? '';
    try {
      const raw =
        request.scenario !== undefined ? request.scenario : parseScenarioText(request.text ?? '', source);
      return { scenario: validateScenario(raw, this.registry, source, request.overrides ?? []) };
    } catch (e) {
      if (e instanceof InputError) return { problems: [...e.problems] };
      throw e;
    }
  }

  private open_(): Run {
    if (!this.run) throw new Error('no run is open: call open() first');
    return this.run;
  }

  /** One time slice of play: as many ticks as the speed allows, at most SLICE_MS of work, then yield. */
  private slice(): void {
    this.timer = null;
    const run = this.run;
    if (!run || !this.playing) return;
    const started = performance.now();
    const ok = this.guard(() => {
      const target =
        this.speed > 0
          ? this.playStartTick + Math.floor(((started - this.playStart) / 1000) * this.speed)
          : Infinity;
      while (!run.done && run.tick < target && performance.now() - started < SLICE_MS) run.step();
    });
    if (!ok || run.done) {
      this.playing = false;
      this.report();
      return;
    }
    this.timer = setTimeout(() => this.slice(), this.speed > 0 ? 4 : 0);
  }

  /** Runs engine work; a failure goes to the listener (and stops play) instead of killing the worker. */
  private guard(work: () => void): boolean {
    const run = this.run!;
    const wasDone = run.done;
    try {
      work();
    } catch (e) {
      this.playing = false;
      const message = e instanceof Error ? e.message : String(e);
      this.notify((l) => l.error(message));
      return false;
    }
    if (!wasDone && run.done) {
      const result = run.result();
      this.notify((l) => l.done(result));
    }
    return true;
  }

  private report(): RunState {
    const s = this.state();
    this.notify((l) => l.state(s));
    return s;
  }

  private send(frame: Frame): void {
    const moved = this.transfer(
      frame,
      frame.columns.map((c) => c.buffer),
    );
    this.notify((l) => l.frame(moved));
  }

  /** Calls the listener; a remote listener answers with a promise whose failure must not kill the worker. */
  private notify(call: (listener: RunListener) => unknown): void {
    if (!this.listener) return;
    const answer = call(this.listener);
    if (answer instanceof Promise) answer.catch(() => {});
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
