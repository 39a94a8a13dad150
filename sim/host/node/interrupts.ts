import { rmSync } from 'node:fs';

/** Staging folders of this process not yet published or dropped: removed if the process is interrupted. */
const live = new Set<string>();
/** Child processes (a study's or a comparison's workers) still running: ended if the process is interrupted. */
const children = new Set<{ kill(): boolean }>();
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
let installed = false;

/**
 * Registers a staging folder to remove on SIGINT, SIGTERM or SIGHUP; the process then exits with 128 + the
 * signal's number. Handlers run between steps of the event loop, never in the middle of a publish.
 */
export function removeOnInterrupt(folder: string): void {
  live.add(folder);
  install();
}

/** The folder was published or dropped: nothing to remove any more. */
export function forget(folder: string): void {
  live.delete(folder);
}

/**
 * Registers a child process to end (SIGTERM) on SIGINT, SIGTERM or SIGHUP, before this process exits with 128 + the
 * signal's number: a worker busy with a batch would otherwise go on computing, orphaned, until the batch ends.
 */
export function endOnInterrupt(child: { kill(): boolean }): void {
  children.add(child);
  install();
}

/** The child has ended: nothing to end any more. */
export function forgetChild(child: { kill(): boolean }): void {
  children.delete(child);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      for (const child of children) child.kill();
      const what = live.size > 0 ? ': nothing written, output folders left as they were' : '';
      for (const f of live) rmSync(f, { recursive: true, force: true });
      process.stderr.write(`\nmimo: interrupted (${signal})${what}\n`);
      process.exit(128 + number);
    });
  }
}
