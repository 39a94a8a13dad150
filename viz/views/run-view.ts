import type { ModelInfo, RunInfo, RunState } from '../../sim/host/worker/api.js';
import type { Problem } from '../../sim/scenario/problems.js';
import {
  addTimelineEventInText,
  ScenarioEditor,
  scenarioTopLevel,
  setParamInText,
} from '../controls/scenario-editor.js';
import { panelsFor } from '../dashboards/index.js';
import { LiveEconomy, VIEW_MEMBERS } from '../economy-view/live-economy.js';
import { remoteListener, startEngine, type Engine } from '../engine.js';
import type { ParamEvent } from '../route.js';
import { scenarioTexts } from '../scenarios.js';
import { SeriesStore } from '../series-store.js';
import { el, labelled } from './dom.js';
import { LiveDashboard } from './live-dashboard.js';
import { PanelGrid } from './panel-grid.js';
import { ParamsPanel } from './params-panel.js';
import { PlaybackControls } from './playback-controls.js';
import { runFileTools } from './run-files.js';
import { readerOf, type RunReader } from './run-reader.js';
import { openRun, runQuery } from './run-link.js';

/** Ticks per streamed frame: small enough for a smooth picture, large enough to keep messages few. */
const FRAME_EVERY = 8;

/** How the run view is embedded: a presenter's step shows the run without the file tools and the editor. */
export interface RunViewOptions {
  readonly presenter?: boolean;
  /** Called once the run has ended, with its metrics. */
  readonly onDone?: (read: RunReader) => void;
}

/** The run view: scenario picker and editor, generated controls, play/pause/step/speed/reset/seed, dashboard. */
export class RunView {
  readonly element = el('div', 'run-view');
  private readonly engine: Engine = startEngine();
  private readonly editor = new ScenarioEditor(() => this.textEdited());
  private readonly picker = el('select') as HTMLSelectElement;
  private readonly playback = new PlaybackControls({
    togglePlay: () => void this.togglePlay(),
    step: (n) => void this.step(n),
    reset: () => void this.reset(false),
    speed: (ticksPerSecond) => void this.engine.api.setSpeed(ticksPerSecond),
  });
  private readonly status = el('span', 'status');
  private readonly fingerprint = el('code', 'fingerprint');
  private readonly share = document.createElement('a');
  /** Params changed from the scenario file (by the URL or the controls): what a shared link must carry. */
  private readonly changed = new Map<string, unknown>();
  /** Live changes made during runs of this scenario, as the timeline events written into its text. */
  private readonly events: ParamEvent[] = [];
  private readonly paramsPanel = new ParamsPanel((name, value) => void this.paramChanged(name, value));
  private readonly dashboard = el('div', 'dashboard');
  private grid: PanelGrid | null = null;
  /** The last live change asked for, and the tick it was asked at. */
  private lastChange: { name: string; value: unknown; tick: number } | null = null;
  private name = '';
  private info: RunInfo | null = null;
  private store: SeriesStore | null = null;
  private live: LiveDashboard | null = null;
  private economy: LiveEconomy | null = null;
  private state: RunState = { tick: 0, ticks: 0, playing: false, done: false };
  /**
   * Said after the run's state in the status line until the run is opened afresh: a live change, a failure, a
   * scenario the URL named that does not exist.
   */
  private note = '';
  private generation = 0;
  private validateTimer: ReturnType<typeof setTimeout> | undefined;

  /** Key controls asked for by the URL (`controls=a.b,c`), shown instead of the scenario's. */
  private controlsWanted: readonly string[] | null = null;
  /** Settles once the first run has opened and its controls and charts exist. */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  constructor(
    query: URLSearchParams,
    private readonly models: ReadonlyMap<string, ModelInfo>,
    private readonly options: RunViewOptions = {},
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    const opened = openRun(query);
    this.controlsWanted = opened.controls;
    for (const [name, value] of opened.changed) this.changed.set(name, value);
    this.events.push(...opened.events);
    this.build();
    this.load(opened.name, opened.text, opened.seed, opened.ticks);
    const { wrong } = opened;
    const notes = [
      wrong.scenario,
      wrong.seed && `${wrong.seed}: showing seed ${this.playback.seed.value}`,
      wrong.ticks && `${wrong.ticks}: showing ${this.playback.ticks.value} ticks`,
    ];
    void this.reset(query.get('autoplay') === '1', notes.filter(Boolean).join(' · '));
  }

  dispose(): void {
    this.generation++;
    this.live?.dispose();
    this.economy?.dispose();
    this.engine.terminate();
  }

  private build(): void {
    this.picker.dataset.testid = 'scenario-picker';
    for (const name of scenarioTexts.keys()) this.picker.append(new Option(name, name));
    this.picker.onchange = () => {
      this.forgetChanges();
      this.load(this.picker.value, scenarioTexts.get(this.picker.value) ?? '');
      void this.reset(false);
    };
    this.status.dataset.testid = 'status';
    this.fingerprint.dataset.testid = 'fingerprint';
    const files = runFileTools({
      open: (name, text) => {
        this.forgetChanges();
        this.load(name, text);
        void this.reset(false);
      },
      scenario: () => ({ name: this.name, text: this.editor.text }),
      metrics: () =>
        this.store && this.info
          ? { store: this.store, file: `${this.info.scenario.name}-seed${this.info.scenario.seed}.csv` }
          : null,
    });
    const side = el('aside', 'side');
    const editorBox = document.createElement('details');
    const summary = el('summary');
    summary.textContent = 'Scenario file';
    editorBox.append(summary, this.editor.element);
    editorBox.open = true;
    // A step's key controls come first: at 1280×720 the one or two it highlights are in view above the playback.
    if (this.options.presenter) side.append(this.paramsPanel.element, this.playback.element);
    else
      side.append(
        labelled('Scenario', this.picker),
        this.playback.element,
        files,
        this.paramsPanel.element,
        editorBox,
      );
    const head = el('div', 'run-head');
    const fp = el('span');
    fp.append('fingerprint: ', this.fingerprint);
    this.share.textContent = 'link to this run';
    this.share.dataset.testid = 'share-link';
    head.append(this.status, fp, this.share);
    const mainCol = el('section', 'main-col');
    mainCol.append(head, this.dashboard);
    this.element.append(side, mainCol);
  }

  /** A new scenario is opened: the changes made to the last one do not apply to it. */
  private forgetChanges(): void {
    this.changed.clear();
    this.events.length = 0;
  }

  private load(name: string, text: string, seed?: number, ticks?: number): void {
    this.name = name;
    if ([...this.picker.options].some((o) => o.value === name)) this.picker.value = name;
    this.editor.text = text;
    const top = scenarioTopLevel(text);
    this.playback.seed.value = String(seed ?? top.seed ?? 1);
    this.playback.ticks.value = String(ticks ?? top.ticks ?? 100);
  }

  private overrides() {
    const out = [];
    if (this.playback.seed.value !== '') out.push({ path: 'seed', value: Number(this.playback.seed.value) });
    if (this.playback.ticks.value !== '')
      out.push({ path: 'ticks', value: Number(this.playback.ticks.value) });
    return out;
  }

  /** Opens the scenario in the editor afresh (same seed, same run), and plays it if asked. */
  private async reset(autoplay: boolean, note = ''): Promise<void> {
    const generation = ++this.generation;
    this.note = note;
    this.fingerprint.textContent = '';
    const store = { current: null as SeriesStore | null };
    const listener = remoteListener({
      frame: (f) => {
        if (generation !== this.generation || !store.current) return;
        store.current.append(f);
        // State messages come only when play starts or stops: while playing, the frames tell the tick.
        if (f.to > this.state.tick) this.showState({ ...this.state, tick: f.to });
        else this.live?.request();
      },
      state: (s) => {
        if (generation === this.generation) this.showState(s);
      },
      done: (r) => {
        if (generation !== this.generation) return;
        this.fingerprint.textContent = r.fingerprint;
        this.live?.refreshSoon();
        if (store.current) this.options.onDone?.(readerOf(store.current));
      },
      error: (m) => {
        if (generation !== this.generation) return;
        // Kept in the status line: the state message that follows a failure must not cover it.
        this.note = `error: ${m}`;
        this.showState(this.state);
      },
    });
    const reply = await this.engine.api.open(
      { text: this.editor.text, source: this.name, overrides: this.overrides(), frameEvery: FRAME_EVERY },
      listener,
    );
    if (generation !== this.generation) return;
    if (!reply.ok) {
      this.showProblems(reply.problems);
      this.setStatus('the scenario has problems: see the editor');
      return;
    }
    this.showProblems([]);
    this.info = reply.info;
    store.current = this.store = new SeriesStore(reply.info.metrics, reply.info.scenario.ticks);
    this.buildForm(reply.info);
    this.updateShareLink();
    const arrays = Object.keys((await this.engine.api.snapshot()).arrays);
    if (generation !== this.generation) return;
    const panels = panelsFor(reply.info.scenario.model, reply.info.metrics, arrays);
    const grid = (this.grid = new PanelGrid(panels, this.store, reply.info.scenario.params));
    this.live?.dispose();
    this.live = new LiveDashboard(grid, this.engine.api);
    this.economy?.dispose();
    this.economy = (await this.engine.api.watch(VIEW_MEMBERS)) ? new LiveEconomy(this.engine.api) : null;
    if (generation !== this.generation) return this.economy?.dispose();
    if (this.economy) grid.element.prepend(this.economy.element);
    this.dashboard.replaceChildren(grid.element);
    this.showState(await this.engine.api.state());
    this.markReady();
    if (autoplay) this.showState(await this.engine.api.play(Number(this.playback.speed.value)));
  }

  /**
   * The shareable URL of this run: scenario, seed, ticks, changed params and live changes (so the link gives the
   * fingerprint on screen); hidden for a loaded file. The page's address follows it (replaced, not pushed: a
   * changed seed is no step to go back to), so a reload opens this run; a presenter's step keeps its own.
   */
  private updateShareLink(): void {
    const shareable = scenarioTexts.has(this.name);
    this.share.hidden = !shareable;
    if (!shareable) return;
    const q = runQuery({
      scenario: this.name,
      seed: this.playback.seed.value,
      ticks: this.playback.ticks.value,
      changed: this.changed,
      events: this.events,
      controls: this.controlsWanted,
    });
    if (!this.options.presenter) history.replaceState(history.state, '', `#/run?${q.toString()}`);
    q.set('autoplay', '1');
    this.share.href = `#/run?${q.toString()}`;
  }

  /** Shows the run's params in the controls: the URL's key controls, else the scenario's (see `ParamsPanel`). */
  private buildForm(info: RunInfo): void {
    const model = this.models.get(info.scenario.model);
    if (!model) return;
    const params = info.scenario.params as Record<string, unknown>;
    const shown = this.paramsPanel.showAsked(model, this.controlsWanted, info.scenario.controls, params);
    // Said once: the controls now shown are the ones asked for from here on.
    this.controlsWanted = shown.asked;
    if (shown.note) this.note = [this.note, shown.note].filter(Boolean).join(' · ');
  }

  /** Whether the param at `path` may change during a run (the model marks it live, or a section around it). */
  private isLive(path: string): boolean {
    const live = this.info ? (this.models.get(this.info.scenario.model)?.live ?? []) : [];
    return live.some((l) => path === l || path.startsWith(`${l}.`));
  }

  /**
   * A control changed: during a run, a live param changes at the next tick (as a timeline event, which is
   * written into the scenario so a reset replays it) and the charts are marked there; otherwise the run
   * starts afresh with the new value.
   */
  private async paramChanged(name: string, value: unknown): Promise<void> {
    const running = (this.state.playing || this.state.tick > 0) && !this.state.done;
    if (running && value !== undefined && this.isLive(name)) {
      // A control may report the same change twice (e.g. on Enter, then on losing focus): one event is enough.
      const same = this.lastChange;
      if (same && same.name === name && same.value === value && same.tick === this.state.tick) return;
      this.lastChange = { name, value, tick: this.state.tick };
      const reply = await this.engine.api.change({ [name]: value });
      if (reply.ok) {
        this.editor.text = addTimelineEventInText(this.editor.text, reply.at, name, value);
        this.events.push({ at: reply.at, path: name, value });
        this.updateShareLink();
        this.grid?.mark(reply.at, `${name} = ${String(value)}`);
        this.note = `${name} = ${String(value)} from tick ${reply.at}`;
        this.showState(this.state);
        return;
      }
      this.showProblems(reply.problems);
      this.setStatus(reply.problems.map((p) => p.message).join('; '));
      return;
    }
    this.changed.set(name, value);
    this.editor.text = setParamInText(this.editor.text, name, value);
    await this.validateThen(true);
  }

  private textEdited(): void {
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => void this.validateThen(false), 300);
  }

  /** Validates the editor's text in the worker; shows the problems at their fields; resets if asked and valid. */
  private async validateThen(resetIfValid: boolean): Promise<void> {
    const problems = await this.engine.api.validate({
      text: this.editor.text,
      source: this.name,
      overrides: this.overrides(),
    });
    this.showProblems(problems);
    if (problems.length === 0 && resetIfValid) await this.reset(false);
  }

  private showProblems(problems: readonly Problem[]): void {
    this.editor.showProblems(problems);
    this.paramsPanel.showProblems(problems);
  }

  /** Plays the open run at `ticksPerSecond` (0: as fast as possible). */
  async play(ticksPerSecond: number): Promise<void> {
    this.playback.speed.value = String(ticksPerSecond);
    this.showState(await this.engine.api.play(ticksPerSecond));
  }

  /**
   * Draws the eye to the key controls at these param paths and to these panels (ids; `economy` the live view):
   * they get the `highlight` class.
   */
  highlight(params: readonly string[], panels: readonly string[]): void {
    this.paramsPanel.highlight(params);
    for (const id of panels)
      this.dashboard
        .querySelector(`[data-testid="${id === 'economy' ? 'economy-view' : `panel-${id}`}"]`)
        ?.classList.add('highlight');
  }

  private async togglePlay(): Promise<void> {
    const api = this.engine.api;
    this.showState(
      this.state.playing ? await api.pause() : await api.play(Number(this.playback.speed.value)),
    );
  }

  private async step(n: number): Promise<void> {
    this.showState(await this.engine.api.step(n));
    await this.engine.api.flush();
    this.live?.refreshSoon();
  }

  private showState(s: RunState): void {
    this.state = s;
    this.playback.show(s);
    this.setStatus(
      `tick ${s.tick} / ${s.ticks}${s.done ? ' · done' : s.playing ? ' · playing' : ' · paused'}` +
        (this.note ? ` · ${this.note}` : ''),
    );
    if (s.playing) this.live?.request();
    else this.live?.refreshSoon();
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }
}
