import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../scenario/problems.js';
import { forget, removeOnInterrupt } from './interrupts.js';
import { asidePrefix, stagingPrefix, tidyLeftovers } from './leftovers.js';
import { checkOutputPath, foreignEntries, makeFolders, removeEmptyFolders } from './output-path.js';

/**
 * A run's (or a comparison's) output folder, written whole or not at all. Files are written into a hidden staging
 * folder beside the target, on the same file system; `commit` publishes it with a rename, so the target always
 * holds one whole output: the previous one until the rename, the new one after. An existing target is first
 * renamed aside and removed once the new one is in; if the process dies between those two renames, the next
 * command that writes beside it puts the previous one back (see `tidyLeftovers`). SIGINT and SIGTERM remove the
 * staging folder; so does `abort`.
 */
export class StagedFolder {
  private readonly staging: string;
  private readonly names: string[] = [];
  /** Folders made for the target's parent: removed again if nothing is published. */
  private readonly made: string[] = [];
  private closed = false;

  private constructor(
    /** The folder the files end up in (absolute). */
    readonly dir: string,
    private readonly label: string,
  ) {
    const parent = dirname(dir);
    try {
      this.made = makeFolders(parent);
      tidyLeftovers(parent);
      this.staging = mkdtempSync(join(parent, stagingPrefix(basename(dir))));
    } catch (e) {
      removeEmptyFolders(this.made);
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new InputError(label, [{ path: '', message: `cannot make a folder for ${dir} (${code})` }]);
    }
    removeOnInterrupt(this.staging);
  }

  /**
   * Checks `dir` (see `checkOutputPath`) and makes its staging folder: everything that can go wrong with the output
   * folder goes wrong here, before any run starts, as bad input naming `label` (e.g. `--out`).
   */
  static open(dir: string, label: string): StagedFolder {
    return new StagedFolder(checkOutputPath(dir, label), label);
  }

  /** Where to write file `name` now; it is in `dir/name` once committed. */
  path(name: string): string {
    this.names.push(name);
    return join(this.staging, name);
  }

  /**
   * Where to keep working files (e.g. a study's journal) that are not part of the output: inside the staging
   * folder, so an interrupt or `abort` removes them with it; remove them before `commit`.
   */
  scratchPath(name: string): string {
    return join(this.staging, name);
  }

  /** Publishes the staged files as the whole content of `dir`; returns their final paths. */
  commit(): string[] {
    const parent = dirname(this.dir);
    for (let attempt = 0; ; attempt++) {
      try {
        renameSync(this.staging, this.dir); // an absent or empty target: replaced in one step
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 5) throw e;
      }
      // A previous output is there: re-check it (it may have changed since the run began), set it aside, move in.
      const foreign = foreignEntries(this.dir);
      if (foreign.length) {
        const kept = `${this.dir}.mimo-${process.pid}`;
        renameSync(this.staging, kept);
        forget(this.staging);
        throw new InputError(this.label, [
          {
            path: '',
            message: `${this.dir} now holds other files (${foreign.slice(0, 3).join(', ')}); the new output is in ${kept}`,
          },
        ]);
      }
      const aside = mkdtempSync(join(parent, asidePrefix(basename(this.dir))));
      try {
        renameSync(this.dir, aside);
      } catch {
        rmSync(aside, { recursive: true, force: true });
        continue; // someone else moved it first: try again
      }
      try {
        renameSync(this.staging, this.dir);
      } catch {
        // Another writer published in between (its output is whole): drop the one set aside and try again.
        rmSync(aside, { recursive: true, force: true });
        continue;
      }
      rmSync(aside, { recursive: true, force: true });
      break;
    }
    this.closed = true;
    forget(this.staging);
    return this.names.map((name) => join(this.dir, name));
  }

  /** Drops the staged files; `dir` stays as it was. */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    rmSync(this.staging, { recursive: true, force: true });
    forget(this.staging);
    removeEmptyFolders(this.made);
  }
}
