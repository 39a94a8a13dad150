/** Progress of a study on stderr, with its rate and the time left: redrawn on a terminal, a line now and then otherwise. */
export class StudyProgress {
  private readonly started = performance.now();
  private lastLine = 0;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  update(done: number, todo: number): void {
    if (!this.enabled || todo === 0) return;
    const now = performance.now();
    const last = done === todo;
    // Off a terminal: at the start, every 10 s and at the end.
    if (!this.tty && done !== 0 && !last && now - this.lastLine < 10_000) return;
    this.lastLine = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / Math.max(seconds, 1e-9);
    const eta =
      done === 0 ? '' : last ? ` in ${duration(seconds)}` : ` · ${duration((todo - done) / rate)} left`;
    const text = `${this.label}: ${done}/${todo} runs (${Math.floor((100 * done) / todo)}%)${done ? ` · ${rate.toFixed(rate < 10 ? 2 : 0)} runs/s` : ''}${eta}`;
    this.stream.write(this.tty ? `\r${text}\x1b[K${last ? '\n' : ''}` : `${text}\n`);
  }
}

function duration(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
