import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files written into a hidden staging folder inside `dir` and moved into place together only on `commit`, so that
 * a failed run or comparison leaves nothing half-written; `abort` drops them.
 */
export class StagedFolder {
  private readonly staging: string;
  private readonly names: string[] = [];

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.staging = mkdtempSync(join(dir, '.partial-'));
  }

  /** Where to write file `name` now; it moves to `dir/name` on commit. */
  path(name: string): string {
    this.names.push(name);
    return join(this.staging, name);
  }

  /** Moves every staged file into `dir`; returns their final paths. */
  commit(): string[] {
    const moved = this.names.map((name) => {
      renameSync(join(this.staging, name), join(this.dir, name));
      return join(this.dir, name);
    });
    this.abort();
    return moved;
  }

  /** Removes the staging folder and whatever is still in it. */
  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}
