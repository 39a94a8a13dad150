import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmdirSync,
  statfsSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { InputError } from '../../scenario/problems.js';

/** Magic numbers (statfs `f_type`) of Linux file systems that are views of the kernel, not places for files. */
const VIRTUAL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x1cd1, 'devpts'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
]);

/** Files that `mimo run` and `mimo compare` write: a folder holding only these may be replaced by a new run. */
const OUTPUT_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(csv|json|jsonl)$/;
const OUTPUT_MARKERS = ['summary.json', 'comparison.json'];

type Fail = (message: string) => never;

/** What a folder is checked for: how messages name it, and what an existing one must hold. */
interface FolderUse {
  /** An example folder for the message on an empty name (e.g. `runs/mine`). */
  readonly example: string;
  /** What goes in it, for the message on the root (e.g. `one run`). */
  readonly noun: string;
  /** Refuses an existing folder (a folder, on a real file system, readable and writable) unfit for this use. */
  checkExisting(target: string, fail: Fail): void;
}

/**
 * Checks, before any run starts, that `dir` can receive a run's folder, and returns its absolute path (symbolic
 * links resolved). Refused as bad input, naming `label` (e.g. `--out`): an empty name; an existing file or device;
 * a path under a file; a place on a kernel file system such as /proc (where Node's recursive mkdir never returns);
 * a folder where the process may not write; an existing folder that holds anything but a previous mimo output
 * (which a new run replaces whole, so it must never be a folder of other files).
 */
export function checkOutputPath(dir: string, label: string): string {
  return checkFolder(dir, label, {
    example: 'runs/mine',
    noun: 'one run',
    checkExisting(target, fail) {
      const here = realpathSync(process.cwd());
      if (here === target || here.startsWith(target + sep))
        fail(
          `${target} is the current folder or holds it: a run replaces its folder whole, so choose another`,
        );
      writable(dirname(target), fail);
      const foreign = foreignEntries(target);
      if (foreign.length)
        fail(
          `${target} holds other files than a previous mimo output (${listed(foreign)}): a run replaces its folder whole, so choose a new or empty folder`,
        );
    },
  });
}

/**
 * Checks, before any run starts, that `dir` can be a study's folder, and returns its absolute path (symbolic links
 * resolved). A study adds to its folder rather than replacing it, so an existing folder is taken if it holds a
 * study (`study.json`: whether it is this study is checked next) or nothing but what a study writes (`isStudyEntry`,
 * e.g. what an interrupted start left); anything else, like the root of the file system or a folder of other
 * files, is refused as bad input naming `label`, as are the cases `checkOutputPath` refuses for a new folder.
 */
export function checkStudyPath(dir: string, label: string, isStudyEntry: (name: string) => boolean): string {
  return checkFolder(dir, label, {
    example: 'studies/mine',
    noun: 'a study',
    checkExisting(target, fail) {
      const names = readdirSync(target);
      const foreign = names.includes('study.json') ? [] : names.filter((name) => !isStudyEntry(name));
      if (foreign.length)
        fail(
          `${target} holds other files than a study's (${listed(foreign)}): choose a new or empty folder, or the folder of this study`,
        );
    },
  });
}

/** What every use refuses (see `checkOutputPath`), then what `use` refuses of an existing folder. */
function checkFolder(dir: string, label: string, use: FolderUse): string {
  const fail: Fail = (message) => {
    throw new InputError(label, [{ path: '', message }]);
  };
  if (dir.trim() === '') fail(`an empty name: give a folder, e.g. --out ${use.example}`);
  let target = resolve(dir);
  if (dirname(target) === target)
    fail(`${target} is the root of the file system, not a folder for ${use.noun}`);
  if (!existsSync(target)) return checkNewFolder(target, fail);
  target = realpathSync(target);
  const s = statSync(target);
  if (!s.isDirectory()) fail(`${target} exists and is ${kindOf(s)}, not a folder`);
  refuseVirtual(target, fail);
  writable(target, fail, constants.R_OK);
  use.checkExisting(target, fail);
  return target;
}

/** The first three names, and `...` if there are more. */
function listed(names: readonly string[]): string {
  return `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''}`;
}

/** A folder that does not exist yet: it must be possible to make it (its nearest existing parent takes files). */
function checkNewFolder(target: string, fail: Fail): string {
  if (isLink(target)) fail(`${target} is a symbolic link to nothing: remove it or choose another folder`);
  let existing = dirname(target);
  while (!existsSync(existing)) existing = dirname(existing);
  const s = statSync(existing);
  if (!s.isDirectory()) fail(`${existing} is ${kindOf(s)}: no folder can be made under it`);
  refuseVirtual(existing, fail);
  writable(existing, fail);
  return target;
}

/** The entries of an existing folder that a mimo output never holds (none: it may be replaced). */
export function foreignEntries(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.length === 0) return [];
  const foreign = entries.filter((e) => !e.isFile() || !OUTPUT_FILE.test(e.name)).map((e) => e.name);
  if (foreign.length === 0 && !entries.some((e) => OUTPUT_MARKERS.includes(e.name)))
    return ['no summary.json or comparison.json'];
  return foreign;
}

function refuseVirtual(path: string, fail: Fail): void {
  let type: number;
  try {
    type = statfsSync(path).type;
  } catch {
    return; // statfs unavailable: the write check below still applies
  }
  const name = VIRTUAL_FILE_SYSTEMS.get(type);
  if (name) fail(`${path} is on the ${name} file system (a view of the kernel), not a place for files`);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function writable(path: string, fail: Fail, also = 0): void {
  try {
    accessSync(path, constants.W_OK | constants.X_OK | also);
  } catch (e) {
    fail(`cannot write in ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function kindOf(s: Stats): string {
  if (s.isFile()) return 'a file';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isFIFO()) return 'a pipe';
  if (s.isSocket()) return 'a socket';
  return 'not a folder';
}

/**
 * Creates the missing folders of `dir` one at a time (never a recursive mkdir, which can spin on odd paths) and
 * returns those it created, outermost first.
 */
export function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let p = dir; !existsSync(p) && dirname(p) !== p; p = dirname(p)) missing.push(p);
  const made: string[] = [];
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
      made.push(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        removeEmptyFolders(made);
        throw e;
      }
    }
  }
  return made;
}

/** Removes folders `makeFolders` created (innermost first) where they are still empty. */
export function removeEmptyFolders(made: readonly string[]): void {
  for (const p of [...made].reverse()) {
    try {
      rmdirSync(p);
    } catch {
      return; // not empty (another run writes there) or already gone
    }
  }
}
