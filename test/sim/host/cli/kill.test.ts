import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tidyLeftovers } from '../../../../sim/host/node/leftovers.js';
import { BIN, mimo, ROOT, tempDir } from './cli-helpers.js';

/**
 * Runs and comparisons killed at random moments (issue 11): the output folder holds the previous output untouched
 * or the whole new one, never a mix. SIGKILL gives the process no chance to clean up; only in the instant between
 * the two renames of a publish may the folder be missing, with the previous output set aside, which the next
 * command writing beside it puts back (`tidyLeftovers`). SIGINT and SIGTERM remove the staging folder at once.
 */

const MONEY = join(ROOT, 'scenarios/money-game.yaml');
const DEBT = join(ROOT, 'scenarios/money-game-debt.yaml');

/** A small random generator with a fixed seed: the same kill moments on every machine of the same speed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A folder's files and contents, with the timing fields (which differ from run to run) left out. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    let text = readFileSync(join(dir, name), 'utf8');
    if (name.endsWith('.json')) text = text.replace(/"wallSeconds": [^,\n]+/, '"wallSeconds": 0');
    out[name] = text;
  }
  return out;
}

interface Killed {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Starts `mimo args` and sends `signal` after `delay` ms, or `delay` ms after stderr first matches `after`
 * (e.g. the last progress line, to aim at the moment of publishing).
 */
function killed(args: string[], signal: NodeJS.Signals, delay: number, after?: RegExp): Promise<Killed> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let armed = false;
    const arm = () => {
      armed = true;
      setTimeout(() => child.kill(signal), delay);
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (after && !armed && after.test(stderr)) arm();
    });
    if (!after) arm();
    child.on('exit', (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

/** What is in `dir` now: the previous output, the new one, missing (with the previous set aside), or a mix. */
function state(dir: string, previous: Record<string, string>, next: Record<string, string>): string {
  if (!existsSync(dir)) {
    const parent = join(dir, '..');
    const aside = readdirSync(parent).some((f) => f.startsWith('.previous-'));
    return aside ? 'missing, previous set aside' : 'missing';
  }
  const now = contents(dir);
  if (JSON.stringify(now) === JSON.stringify(previous)) return 'previous';
  if (JSON.stringify(now) === JSON.stringify(next)) return 'new';
  return `a mix: ${Object.keys(now).join(', ')}`;
}

/**
 * Kills `args` (which write to `<root>/out`) `attempts` times, half at random moments of the whole command, half
 * within `window` ms after `finished` shows on stderr (around the publish), and checks the folder after each.
 */
async function killAtRandom(
  write: (out: string) => string[],
  previousArgs: (out: string) => string[],
  finished: RegExp,
  window: number,
  attempts: number,
  seed: number,
): Promise<string[]> {
  const template = join(tempDir(), 'out');
  expect(mimo(previousArgs(template)).code).toBe(0);
  const previous = contents(template);
  const reference = join(tempDir(), 'out');
  const started = performance.now();
  expect(mimo(write(reference)).code).toBe(0);
  const seconds = (performance.now() - started) / 1000;
  const next = contents(reference);
  expect(next).not.toEqual(previous);
  const rng = random(seed);
  const seen: string[] = [];
  for (let i = 0; i < attempts; i++) {
    const out = join(tempDir(), 'out');
    cpSync(template, out, { recursive: true });
    const result =
      i % 2 === 0
        ? await killed(write(out), 'SIGKILL', rng() * seconds * 1000)
        : await killed(write(out), 'SIGKILL', rng() * window, finished);
    expect(result.signal ?? result.code).not.toBeNull();
    const before = state(out, previous, next);
    expect(['previous', 'new', 'missing, previous set aside']).toContain(before);
    // What the next command writing beside it does first.
    tidyLeftovers(join(out, '..'));
    const after = state(out, previous, next);
    expect(['previous', 'new']).toContain(after);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
    seen.push(result.signal ? `${before} (killed)` : `${before} (finished)`);
  }
  return seen;
}

describe('SIGKILL at random moments: the output folder is the previous one or the whole new one', () => {
  it('mimo run', async () => {
    const seen = await killAtRandom(
      (out) => ['run', MONEY, '--seed', '2', '--ticks', '100', '--set', 'params.agents=60000', '--out', out],
      (out) => ['run', MONEY, '--ticks', '10', '--set', 'params.agents=100', '--quiet', '--out', out],
      /tick 100\/100 \(100%\)/,
      20,
      6,
      11,
    );
    expect(seen.length).toBe(6);
  }, 120_000);

  it('mimo compare', async () => {
    const args = ['--seeds', '2', '--workers', '2', '--ticks', '40', '--set', 'params.agents=20000'];
    const seen = await killAtRandom(
      (out) => ['compare', MONEY, DEBT, ...args, '--out', out],
      (out) => ['compare', MONEY, '--seeds', '1', '--ticks', '5', '--quiet', '--out', out],
      /compare: 4\/4 runs/,
      300,
      4,
      12,
    );
    expect(seen.length).toBe(4);
  }, 120_000);
});

describe('SIGINT and SIGTERM: the staging folder is removed, the previous output stays', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} during a run and during a comparison: exit ${code}`, async () => {
      for (const command of ['run', 'compare']) {
        const out = join(tempDir(), 'out');
        expect(
          mimo(['run', MONEY, '--ticks', '5', '--set', 'params.agents=100', '--quiet', '--out', out]).code,
        ).toBe(0);
        const previous = contents(out);
        const args =
          command === 'run'
            ? ['run', MONEY, '--ticks', '100000', '--set', 'params.agents=1000', '--out', out]
            : [
                'compare',
                MONEY,
                '--seeds',
                '2',
                '--ticks',
                '100000',
                '--set',
                'params.agents=1000',
                '--out',
                out,
              ];
        // Progress shows once the run is under way, its staging folder made.
        const result = await killed(
          args,
          signal,
          0,
          command === 'run' ? /tick \d+\/100000/ : /compare: 2 runs/,
        );
        expect(result.code).toBe(code);
        expect(result.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\): nothing written`));
        expect(contents(out)).toEqual(previous);
        expect(readdirSync(join(out, '..'))).toEqual(['out']);
      }
    }, 120_000);
  }
});

/** The ids of `pid`'s child processes (Linux: read from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid ? [Number(name)] : [];
      } catch {
        return [];
      }
    });
}

/** Whether a process is still running (a zombie counts as ended). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('SIGINT and SIGTERM end the worker processes too', () => {
  it('of a comparison and of a study, at once rather than when their batch is done', async () => {
    const dir = tempDir();
    const study = join(dir, 'study.yaml');
    writeFileSync(
      study,
      `name: long\nscenario: ${MONEY}\nticks: 1000000\nseeds: 2\nset: { params.agents: 1000 }\nfactors:\n  params.transfer: { levels: [1, 2] }\ndesign: { kind: grid }\nrecord: final\n`,
    );
    const long = ['--ticks', '1000000', '--set', 'params.agents=1000'];
    for (const [args, started, signal] of [
      [
        ['compare', MONEY, '--seeds', '2', '--workers', '2', ...long, '--out', join(dir, 'c')],
        /compare: 2 runs/,
        'SIGTERM',
      ],
      [['study', study, '--workers', '2', '--out', join(dir, 's')], /long: 0\/4 runs/, 'SIGTERM'],
      [['study', study, '--workers', '2', '--out', join(dir, 's')], /long: 0\/4 runs/, 'SIGINT'],
    ] as const) {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => (stderr += chunk));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const pause = () => new Promise((r) => setTimeout(r, 50));
      // Once the runs are under way and both workers are there.
      let workers: number[] = [];
      for (let wait = 0; wait < 200 && (!started.test(stderr) || workers.length < 2); wait++) {
        await pause();
        workers = childrenOf(child.pid!);
      }
      expect(workers).toHaveLength(2);
      // Well into their first batch (a worker still loading the engine would stop by itself).
      await new Promise((r) => setTimeout(r, 1500));
      child.kill(signal);
      const code = await exit;
      const deadline = performance.now() + 2000;
      while (workers.some(running) && performance.now() < deadline) await pause();
      const left = workers.filter(running);
      for (const pid of left) process.kill(pid);
      expect(left, `${args[0]}: workers still running after ${signal}`).toEqual([]);
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    }
  }, 60_000);
});
