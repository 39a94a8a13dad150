import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../../..');
export const BIN = join(ROOT, 'bin/mimo.js');

export interface CliResult {
  code: number | null;
  /** The signal that ended the process (e.g. SIGTERM when `timeout` ran out), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Milliseconds before the process is killed (a hang then shows as `signal`). */
  timeout?: number;
  /** Run as this user (needs root), e.g. to test a folder the process may not write in. */
  uid?: number;
}

/** Runs the real `mimo` binary (the compiled CLI, rebuilt before the tests when a source is newer: test/global-setup.ts). */
export function mimo(args: string[], cwd = ROOT, options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MIMO_DEBUG: '' },
    timeout: options.timeout,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mimo-test-'));
}
