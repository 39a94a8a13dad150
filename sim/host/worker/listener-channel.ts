import type { Frame } from '../../run/recorder.js';
import type { RunResult } from '../../run/run.js';
import type { RunListener, RunState } from './api.js';
import type { Transfer } from './transfer.js';

/**
 * The open run's listener, called so that nothing it does can stop the worker: a remote listener answers with a
 * promise whose failure is dropped. Frames move their column buffers instead of copying them.
 */
export class ListenerChannel {
  constructor(
    private readonly listener: RunListener | null,
    private readonly transfer: Transfer,
  ) {}

  frame(frame: Frame): void {
    const moved = this.transfer(
      frame,
      frame.columns.map((c) => c.buffer),
    );
    this.call((l) => l.frame(moved));
  }

  state(state: RunState): void {
    this.call((l) => l.state(state));
  }

  done(result: RunResult): void {
    this.call((l) => l.done(result));
  }

  error(message: string): void {
    this.call((l) => l.error(message));
  }

  private call(send: (listener: RunListener) => unknown): void {
    if (!this.listener) return;
    const answer = send(this.listener);
    if (answer instanceof Promise) answer.catch(() => {});
  }
}
