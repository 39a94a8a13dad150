import type { ModelRegistry } from '../../model.js';
import { Run, type RunResult } from '../../run/run.js';
import type { TimelineEvent } from '../../scenario/scenario.js';
import { InputError } from '../../scenario/problems.js';
import { validateScenario } from '../../scenario/validate.js';
import type { ChangeReply, OpenReply, OpenRequest, RunControlApi, RunListener, RunState } from './api.js';
import { checkRequest } from './check-request.js';
import { ListenerChannel } from './listener-channel.js';
import type { Transfer } from './transfer.js';

const SLICE_MS = 12;

/** Run control: one open run, stepped, or played in time slices that yield to the event loop, streamed in frames. */
export class RunControl implements RunControlApi {
  private run: Run | null = null;
  private channel: ListenerChannel;
  private playing = false;
  private speed = 0;
  private playStart = 0;
  private playStartTick = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The live changes made to the open run, as the timeline events that would replay them. */
  private changes: TimelineEvent[] = [];

  constructor(
    private readonly registry: ModelRegistry,
    private readonly transfer: Transfer,
  ) {
    this.channel = new ListenerChannel(null, transfer);
  }

  /** The open run, for the other parts of the worker (statistics, extensions). */
  current(): Run {
    if (!this.run) throw new Error('no run is open: call open() first');
    return this.run;
  }

  open(request: OpenRequest, listener?: RunListener): OpenReply {
    this.close();
    const checked = checkRequest(this.registry, request);
    if ('problems' in checked) return { ok: false, problems: checked.problems };
    const scenario = checked.scenario;
    const model = this.registry.get(scenario.model)!;
    const frameEvery = Math.max(1, Math.floor(request.frameEvery ?? 16));
    const channel = (this.channel = new ListenerChannel(listener ?? null, this.transfer));
    this.changes = [];
    const frames = { frame: channel.frame.bind(channel) };
    this.run = new Run(model, scenario, { frames, frameEvery, replicate: request.replicate ?? 0 });
    return { ok: true, info: { scenario, metrics: [...this.run.metrics], frameEvery } };
  }

  step(n = 1): RunState {
    this.stopTimer();
    this.playing = false;
    this.guard(() => this.current().advance(Math.max(0, Math.floor(n))));
    return this.report();
  }

  play(ticksPerSecond = 0): RunState {
    const run = this.current();
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

  runToEnd(): RunResult {
    this.stopTimer();
    this.playing = false;
    const run = this.current();
    while (run.step());
    const result = run.result();
    this.channel.done(result);
    return result;
  }

  change(set: Readonly<Record<string, unknown>>): ChangeReply {
    const run = this.current();
    const at = run.tick + 1;
    const event = { at, set: { ...set } };
    const scenario = run.scenario;
    try {
      // The same checks as a timeline event of the file: live paths, valid values, a tick within the run.
      const checked = validateScenario(
        { ...scenario, timeline: [...scenario.timeline, ...this.changes, event] },
        this.registry,
        scenario.name,
      );
      const added = checked.timeline[checked.timeline.length - 1];
      run.change(added.set);
      this.changes.push(added);
      return { ok: true, at, scenario: checked };
    } catch (e) {
      if (e instanceof InputError) return { ok: false, problems: [...e.problems] };
      throw e;
    }
  }

  result(): RunResult | null {
    return this.run ? this.run.result() : null;
  }

  close(): void {
    this.stopTimer();
    this.playing = false;
    this.run = null;
    this.channel = new ListenerChannel(null, this.transfer);
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
    const run = this.current();
    const wasDone = run.done;
    try {
      work();
    } catch (e) {
      this.playing = false;
      this.channel.error(e instanceof Error ? e.message : String(e));
      return false;
    }
    if (!wasDone && run.done) this.channel.done(run.result());
    return true;
  }

  private report(): RunState {
    const s = this.state();
    this.channel.state(s);
    return s;
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
