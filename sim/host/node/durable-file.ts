import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole file so that it is either absent or complete, even if the process or the machine stops at any
 * moment: the bytes go to a hidden temporary name in the same folder (of this host and process: processes on other
 * machines may write beside it, as the shards of a study on a cluster do), are flushed to disk, renamed into place,
 * and the folder's entry is flushed too.
 */
export function writeDurably(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `.tmp-${hostname()}-${process.pid}-${basename(path)}`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  syncFolder(dirname(path));
}

/** Flushes a folder's entries (a rename or a new file in it) to disk. */
export function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Appends one line (text without its newline) and flushes it to disk before returning. */
export function appendDurably(fd: number, line: string): void {
  writeSync(fd, Buffer.from(line + '\n'));
  fsyncSync(fd);
}
