import type { RunState } from '../../sim/host/worker/api.js';
import { button, el, labelled } from './dom.js';

const SPEEDS: readonly [string, number][] = [
  ['10 ticks/s', 10],
  ['20 ticks/s', 20],
  ['50 ticks/s', 50],
  ['200 ticks/s', 200],
  ['1000 ticks/s', 1000],
  ['as fast as possible', 0],
];

/** What the playback controls ask of the run view. */
export interface PlaybackActions {
  togglePlay(): void;
  step(ticks: number): void;
  /** Open the run afresh (the seed or the ticks changed, or Reset). */
  reset(): void;
  speed(ticksPerSecond: number): void;
}

/** Play/pause, step, reset, speed, seed and ticks of the run view. */
export class PlaybackControls {
  readonly element = el('div', 'controls');
  readonly seed = el('input') as HTMLInputElement;
  readonly ticks = el('input') as HTMLInputElement;
  /** Ticks per second (0: as fast as possible). */
  readonly speed = el('select') as HTMLSelectElement;
  private readonly playButton: HTMLButtonElement;

  constructor(actions: PlaybackActions) {
    this.playButton = button('Play', () => actions.togglePlay(), 'play');
    for (const [input, id] of [
      [this.seed, 'seed'],
      [this.ticks, 'ticks'],
    ] as const) {
      input.type = 'number';
      input.min = id === 'seed' ? '0' : '1';
      input.step = '1';
      input.dataset.testid = id;
      input.onchange = () => actions.reset();
    }
    this.speed.dataset.testid = 'speed';
    for (const [label, v] of SPEEDS) this.speed.append(new Option(label, String(v)));
    this.speed.value = '200';
    this.speed.onchange = () => actions.speed(Number(this.speed.value));
    this.element.append(
      this.playButton,
      button('Step', () => actions.step(1), 'step'),
      button('Step 10', () => actions.step(10)),
      button('Reset', () => actions.reset(), 'reset'),
      labelled('Speed', this.speed),
      labelled('Seed', this.seed),
      labelled('Ticks', this.ticks),
    );
  }

  /** Play or Pause, as the run's state asks; disabled once it is done. */
  show(state: RunState): void {
    this.playButton.textContent = state.playing ? 'Pause' : 'Play';
    this.playButton.disabled = state.done;
  }
}
