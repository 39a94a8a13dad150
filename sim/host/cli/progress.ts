/** Progress on stderr: a redrawn bar on a terminal, a plain line every tenth of the run otherwise. */
export class Progress {
  private lastShown = -1;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {
    this.tty = enabled && Boolean(stream.isTTY);
  }

  update(done: number): void {
    if (!this.enabled) return;
    if (this.tty) {
      const width = 30;
      const filled = Math.round((width * done) / this.total);
      const percent = Math.floor((100 * done) / this.total);
      if (percent === this.lastShown) return;
      this.lastShown = percent;
      this.stream.write(
        `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% tick ${done}/${this.total}`,
      );
      if (done >= this.total) this.stream.write('\n');
    } else {
      const tenth = Math.floor((10 * done) / this.total);
      if (tenth === this.lastShown) return;
      this.lastShown = tenth;
      this.stream.write(`${this.label}: tick ${done}/${this.total} (${tenth * 10}%)\n`);
    }
  }
}
