import type { TextAlternative } from './text-alternative.js';

/** The time a throttle reads and the timer it sets (the page's by default; a test passes its own). */
export interface Clock {
  now(): number;
  later(run: () => void, ms: number): void;
}

const pageClock: Clock = {
  now: () => performance.now(),
  later: (run, ms) => void setTimeout(run, ms),
};

/**
 * A live chart's text alternative, rebuilt at most once per `everyMs` however often the chart redraws: an ask
 * within that time is kept (the latest wins) and applied when the time is up, so the text ends current once the
 * chart stops (a pause, the run's end). `now` applies at once (e.g. the run's last tick). The text is built only
 * when it is applied, so a redraw costs no more than keeping the builder.
 */
export class ThrottledText {
  private last = -Infinity;
  private pending: (() => TextAlternative) | null = null;
  private timerSet = false;

  constructor(
    private readonly apply: (alt: TextAlternative) => void,
    private readonly everyMs = 1000,
    private readonly clock: Clock = pageClock,
  ) {}

  /** Asks for the text `build` makes to be applied. */
  set(build: () => TextAlternative, now = false): void {
    this.pending = build;
    const wait = this.last + this.everyMs - this.clock.now();
    if (now || wait <= 0) this.flush();
    else if (!this.timerSet) {
      this.timerSet = true;
      this.clock.later(() => {
        this.timerSet = false;
        if (this.pending) this.set(this.pending);
      }, wait);
    }
  }

  private flush(): void {
    const build = this.pending;
    if (!build) return;
    this.pending = null;
    this.last = this.clock.now();
    this.apply(build());
  }
}
