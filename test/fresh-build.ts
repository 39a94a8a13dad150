import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Newest modification time of the files under these folders (0 when none). */
function newest(folders: readonly string[], skip: RegExp = /(^|\/)(dist|node_modules)$/): number {
  let latest = 0;
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      if (skip.test(path)) continue;
      const s = statSync(path);
      if (s.isDirectory()) walk(path);
      else latest = Math.max(latest, s.mtimeMs);
    }
  };
  for (const f of folders) walk(join(root, f));
  return latest;
}

function mtime(file: string): number {
  try {
    return statSync(join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Runs `work` while holding a lock directory, so parallel test files never build into the same folder at once. */
function locked(work: () => void): void {
  const lock = join(root, 'node_modules/.cache/mimo-build-lock');
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${lock} held for 2 minutes: remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    work();
  } finally {
    rmdirSync(lock);
  }
}

/** Compiles the engine and bundles the CLI into dist/ when a source is newer (what `npm test` did already). */
export function ensureEngineBuilt(): void {
  const built = () => Math.min(mtime('dist/sim/host/worker/node-entry.js'), mtime('dist/mimo.mjs'));
  const stale = () => built() < newest(['sim', 'models', 'test/bench']);
  if (!stale()) return;
  locked(() => {
    if (stale()) execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: root, stdio: 'ignore' });
  });
}

/** Builds the lab into viz/dist when a source is newer than the build. */
export function ensureLabBuilt(): void {
  const stale = () =>
    mtime('viz/dist/index.html') <
    Math.max(newest(['viz', 'sim', 'models', 'scenarios']), mtime('vite.config.ts'));
  if (!stale()) return;
  locked(() => {
    if (stale())
      execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
        cwd: root,
      });
  });
}
