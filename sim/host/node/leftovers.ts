import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `.partial-<name>-<pid>-<random>` (a folder being written) or `.previous-<name>-<pid>-<random>` (set aside). */
const LEFTOVER = /^\.(partial|previous)-(.+)-(\d+)-[A-Za-z0-9]{6}$/;

export function stagingPrefix(name: string): string {
  return `.partial-${name}-${process.pid}-`;
}

export function asidePrefix(name: string): string {
  return `.previous-${name}-${process.pid}-`;
}

/**
 * Tidies what processes killed without warning (SIGKILL, power loss) left in `parent`: their staging folders are
 * removed; a previous output they had set aside is put back if its place is empty (the new one never arrived),
 * removed otherwise. Leftovers of processes still alive are not touched.
 */
export function tidyLeftovers(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of names) {
    const m = LEFTOVER.exec(entry);
    if (!m || isAlive(Number(m[3]))) continue;
    const path = join(parent, entry);
    const home = join(parent, m[2]);
    try {
      if (m[1] === 'previous' && !existsSync(home)) renameSync(path, home);
      else rmSync(path, { recursive: true, force: true });
    } catch {
      // another process tidied it first
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our pid, reused from a dead process: we have left nothing yet
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
