import { fork, type ChildProcess } from 'node:child_process';
import { endOnInterrupt, forgetChild } from './interrupts.js';

/**
 * A study's worker processes, started as early as possible: each spends a few tenths of a second loading the
 * engine, which overlaps the parent's own start (reading and checking the study) instead of adding to it.
 */
export class StudyProcesses {
  private readonly children: ChildProcess[] = [];

  /** Forks `count` workers running `script` with `args` (the `mimo` binary with its hidden worker command). */
  constructor(
    readonly count: number,
    script: string,
    args: readonly string[],
  ) {
    for (let w = 0; w < count; w++) {
      const child = fork(script, [...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      // Interrupted (SIGINT, SIGTERM, SIGHUP), this process ends its workers before it exits.
      endOnInterrupt(child);
      child.once('exit', () => forgetChild(child));
      this.children.push(child);
    }
  }

  /** The first `count` workers, to use; the others are let go. */
  take(count: number): ChildProcess[] {
    for (const child of this.children.slice(count)) release(child);
    return this.children.slice(0, count);
  }

  /** Lets every worker go: each ends once it has finished what it was doing (it stops when its channel closes). */
  release(): void {
    for (const child of this.children) release(child);
  }

  /** Ends every worker now (nothing was run: e.g. the study was refused). */
  kill(): void {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

function release(child: ChildProcess): void {
  if (child.connected) child.disconnect();
}
