import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../sim/scenario/limits.js';
import { mimo, ROOT, tempDir } from './cli-helpers.js';

// One plain test per defect found by a hostile new user (issue 11): each would catch the next member of its class.

const MONEY = join(ROOT, 'scenarios/money-game.yaml');
const small = ['--set', 'params.agents=100', '--ticks', '5', '--quiet'];
const NOBODY = 65534;

/** A scenario file in a fresh folder. */
function scenarioFile(text: string, name = 's.yaml'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

/** Every file and folder under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

/** Exit 2, no stack trace, within a few seconds, and one stderr line matching `expected`. */
function refused(args: string[], expected: RegExp, cwd = ROOT): string {
  const r = mimo(args, cwd, { timeout: 30_000 });
  expect(r.signal, 'hung').toBeNull();
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(expected);
  expect(r.code).toBe(2);
  return r.stderr;
}

describe('1. no hang: --out on a kernel file system is refused at once', () => {
  it('run and compare, before any run starts', () => {
    refused(['run', MONEY, ...small, '--out', '/proc/x'], /^--out: \/proc is on the proc file system/);
    const stderr = refused(
      ['compare', MONEY, '--seeds', '2', '--ticks', '5', '--out', '/proc/x/y'],
      /proc file system/,
    );
    expect(stderr).not.toMatch(/compare: \d+\/\d+ runs/);
  });

  it('study, before any run starts', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), `name: s\nscenario: ${MONEY}\nticks: 3\n`);
    for (const out of ['/proc/x', '/proc/x/y']) {
      refused(
        ['study', join(dir, 's.yaml'), '--out', out, '--quiet'],
        /^--out: \/proc is on the proc file system/,
      );
    }
  });
});

describe('2. a scenario name never chooses where files go beyond one plain folder', () => {
  it('refuses ../ and absolute names, writing nothing anywhere', () => {
    const cwd = tempDir();
    for (const name of ['../../escape', '/tmp/absolute-escape', 'a/b']) {
      const file = scenarioFile(`name: ${name}\nmodel: kinetic-exchange\nticks: 3\n`);
      refused(['run', file, '--quiet'], /name: a plain folder name/, cwd);
      refused(['validate', file], /name: a plain folder name/, cwd);
    }
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync('/tmp/absolute-escape')).toBe(false);
  });
});

describe('3. size limits: refused at once with exit 2, never a crash', () => {
  it('a scenario file over the size limit', () => {
    const big = scenarioFile(
      'name: big\nmodel: kinetic-exchange\n# ' + 'x'.repeat(2 * LIMITS.scenarioFileBytes) + '\n',
    );
    refused(['validate', big], /larger than 1048576 bytes, the limit for a scenario file/);
  });

  it('too many runs for one compare, and seeds past the last one', () => {
    refused(['compare', MONEY, '--seeds', '100000000'], /--seeds: expected a whole number from 1 to 10000/);
    refused(
      ['compare', MONEY, MONEY, '--seeds', '6000'],
      /2 scenarios × 6000 seeds = 12000 runs: at most 10000/,
    );
    const stderr = refused(
      ['compare', MONEY, '--first-seed', '4294967295', '--seeds', '2', '--ticks', '3'],
      /the last seed, 4294967296, is past 4294967295/,
    );
    expect(stderr).not.toMatch(/compare: \d/);
  });
});

describe('4. prototype keys are never followed', () => {
  it('in --set paths and in YAML mappings', () => {
    refused(
      ['run', MONEY, ...small, '--set', 'params.__proto__.x=1'],
      /params\.__proto__\.x: "__proto__" is not a field name/,
    );
    refused(['run', MONEY, ...small, '--set', 'params.constructor=1'], /"constructor" is not a field name/);
    const file = scenarioFile('name: p\nmodel: kinetic-exchange\nparams:\n  __proto__:\n    agents: 5\n');
    refused(['validate', file], /line 4, column 3: "__proto__" is not a field name/);
  });
});

describe('5. bad input is exit 2, never an internal error', () => {
  it('an empty list of groups: refused by validate and run alike, and no folder left', () => {
    const cwd = tempDir();
    const file = scenarioFile('name: g\nmodel: mimo\nticks: 3\nparams:\n  members: 100\n  groups: []\n');
    refused(['validate', file], /params\.groups: too small/);
    refused(['run', file, '--quiet'], /params\.groups: too small/, cwd);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a YAML alias bomb', () => {
    let bomb = 'name: bomb\nmodel: kinetic-exchange\na: &a [x, x, x, x, x, x, x, x, x]\n';
    for (const [n, p] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih'])
      bomb += `${n}: &${n} [${Array(9).fill(`*${p}`).join(', ')}]\n`;
    refused(['validate', scenarioFile(bomb)], /too many aliases/);
  });

  it('formulas of 20 k characters and 1 MB', () => {
    const base = 'name: f\nmodel: mimo\nticks: 3\nparams:\n  members: 100\n  ais: {enabled: true}\n';
    const mega = scenarioFile(`${base}  dividends:\n    formula: "${'records+'.repeat(125_000)}1"\n`);
    refused(['validate', mega], /params\.dividends\.formula: longer than 2000 characters \(got 1000001\)/);
    const formula = 'records+'.repeat(2500) + '1';
    refused(
      ['run', scenarioFile(base), '--quiet', '--set', `params.dividends.formula=${formula}`],
      /params\.dividends\.formula: longer than 2000 characters \(got 20001\)/,
    );
  });

  it('every --out problem: an existing file, /dev/null, a path under a file, an empty name, a foreign folder', () => {
    const dir = tempDir();
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'mine');
    refused(['run', MONEY, ...small, '--out', file], /exists and is a file, not a folder/);
    refused(['run', MONEY, ...small, '--out', '/dev/null'], /^--out: \/dev\/null exists and is a device/);
    refused(['run', MONEY, ...small, '--out', join(file, 'x')], /is a file: no folder can be made under it/);
    refused(['run', MONEY, ...small, '--out', ''], /^--out: an empty name/, dir);
    refused(
      ['run', MONEY, ...small, '--out', dir],
      /holds other files than a previous mimo output \(file\.txt\)/,
    );
    expect(tree(dir)).toEqual(['file.txt']);
  });

  it("a study's --out: the root, a file, or a folder of other files is refused; its own folder is taken", () => {
    const dir = tempDir();
    const study = join(dir, 's.yaml');
    writeFileSync(study, `name: s\nscenario: ${MONEY}\nticks: 3\nseeds: 2\nset: { params.agents: 50 }\n`);
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'mine.txt'), 'mine');
    for (const command of [
      ['study', '--quiet'],
      ['study', 'slurm'],
    ]) {
      const args = [...command, study];
      refused([...args, '--out', '/'], /^--out: \/ is the root of the file system, not a folder for a study/);
      refused([...args, '--out', study], /^--out: .*s\.yaml exists and is a file, not a folder/);
      refused([...args, '--out', notes], /^--out: .*notes holds other files than a study's \(mine\.txt\)/);
      // The study file's own folder holds the study file: not a study's folder either.
      refused([...args, '--out', dir], /holds other files than a study's \(notes, s\.yaml\)/);
    }
    expect(tree(notes)).toEqual(['mine.txt']);
    expect(tree(dir)).toEqual(['notes', 'notes/mine.txt', 's.yaml']);
    // An empty folder, and then the study's own folder (to resume it), are taken.
    const out = join(dir, 'out');
    mkdirSync(out);
    expect(mimo(['study', study, '--out', out, '--quiet']).code).toBe(0);
    expect(mimo(['study', study, '--out', out, '--quiet']).code).toBe(0);
  });

  it('a folder the process may not write in', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(dir, 0o755);
    chmodSync(locked, 0o555);
    // As root every folder is writable: run as nobody instead (CI runs as root).
    const uid = process.getuid?.() === 0 ? NOBODY : undefined;
    const r = mimo(['run', MONEY, ...small, '--out', join(locked, 'run')], ROOT, { uid, timeout: 30_000 });
    expect(r.stderr).toMatch(/^--out: cannot write in .*locked \(EACCES\)/);
    expect(r.code).toBe(2);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('a named pipe as scenario: refused, not waited on', () => {
    const fifo = join(tempDir(), 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    refused(['validate', fifo], /pipe\.yaml: not a file/);
  });
});

describe('6. output folders never mix runs', () => {
  it('runs of other seeds get their own default folder: runs/<name>/seed-<N>/', () => {
    const cwd = tempDir();
    for (const seed of ['1', '2']) expect(mimo(['run', MONEY, ...small, '--seed', seed], cwd).code).toBe(0);
    expect(tree(join(cwd, 'runs'))).toEqual([
      'money-game',
      'money-game/seed-1',
      'money-game/seed-1/metrics.csv',
      'money-game/seed-1/summary.json',
      'money-game/seed-2',
      'money-game/seed-2/metrics.csv',
      'money-game/seed-2/summary.json',
    ]);
  });

  it('a re-run replaces the folder whole: none of the earlier run files stay beside the new ones', () => {
    const out = join(tempDir(), 'run');
    const bargain = join(ROOT, 'scenarios/bargaining-nash.yaml');
    expect(
      mimo(['run', bargain, '--ticks', '60', '--trace', '3', '--format', 'jsonl', '--quiet', '--out', out])
        .code,
    ).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['metrics.jsonl', 'negotiations.jsonl', 'summary.json']);
    expect(mimo(['run', bargain, '--ticks', '60', '--quiet', '--out', out]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['metrics.csv', 'summary.json']);
    expect(readdirSync(join(out, '..'))).toEqual(['run']);
  });
});

describe('9. consistent arguments and messages', () => {
  it('a flag given twice, a negative number, an argument a command does not take', () => {
    refused(['run', MONEY, '--ticks', '3', '--ticks', '4'], /--ticks is given more than once/);
    refused(
      ['run', MONEY, '--ticks', '-3'],
      /--ticks: expected a whole number from 1 to 10000000 \(got "-3"\)/,
    );
    refused(['list', '--foo'], /mimo list: unknown option --foo/);
    refused(
      ['schema', 'extra'],
      /^mimo schema: expected no argument \(the schema of scenario files\) or "study" \(the schema of study files\) \(got "extra"\)$/m,
    );
    refused(['schema', 'study', 'x'], /^mimo schema: expected at most 1 argument \(got "study" "x"\)$/m);
    refused(['run', MONEY, MONEY], /mimo run: expected 1 scenario file/);
  });

  it('a flag left without its value is named, whether it is last or another flag follows it', () => {
    refused(['run', MONEY, '--seed'], /^mimo run: --seed needs a value$/m);
    refused(['run', MONEY, '--seed', '--quiet'], /^mimo run: --seed needs a value$/m);
    refused(['compare', MONEY, '--out', '--quiet'], /^mimo compare: --out needs a value$/m);
    refused(['run', MONEY, '--quiet=yes'], /^mimo run: --quiet takes no value$/m);
  });

  it('--help prints each command usage with exit 0', () => {
    for (const command of ['run', 'compare', 'validate', 'list', 'schema']) {
      const r = mimo([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: mimo ${command}`));
    }
    expect(mimo(['run', '-h']).stdout).toMatch(/--seed N +seed, 0 to 4294967295/);
  });

  it('a value --set or --ticks gave is blamed on the flag, in run and compare, with the file named', () => {
    const baseline = join(ROOT, 'scenarios/baseline.yaml');
    const stderr = refused(
      ['run', baseline, '--quiet', '--set', 'params.members=-5'],
      /--set params\.members: too small/,
    );
    expect(stderr).toMatch(
      /baseline\.yaml: --set params\.members: too small: expected number to be >=2 \(got -5\)/,
    );
    refused(
      [
        'compare',
        baseline,
        join(ROOT, 'scenarios/time-bank.yaml'),
        '--quiet',
        '--set',
        'params.groups.0.members=2',
      ],
      /baseline\.yaml: --set params\.groups\.0\.members: too big/,
    );
  });

  it('--set into a list names the list and its length', () => {
    refused(
      ['run', join(ROOT, 'scenarios/baseline.yaml'), '--quiet', '--set', 'params.groups.5.name=x'],
      /params\.groups\.5\.name: groups has 2 items: index 5 is past its end \(use 0 to 2\)/,
    );
  });

  it('a !!js/function tag: one line, no YAML warning', () => {
    const file = scenarioFile(
      'name: t\nmodel: kinetic-exchange\nparams:\n  rule: !!js/function "function () {}"\n',
    );
    const stderr = refused(
      ['validate', file],
      /line 4, column 23: the tag !!js\/function is not plain YAML data/,
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('log(records, 0) is refused at the base; a formula giving everyone 0 warns on stderr', () => {
    const dividends = join(ROOT, 'scenarios/dividend-equal.yaml');
    const flags = ['--quiet', '--ticks', '30', '--set', 'params.members=300'];
    refused(
      ['run', dividends, ...flags, '--set', 'params.dividends.formula=log(records, 0)'],
      /the base of a logarithm must be positive and not 1 \(got 0\)/,
    );
    const out = join(tempDir(), 'zero');
    const r = mimo([
      'run',
      dividends,
      ...flags,
      '--set',
      'params.dividends.formula=records * 0',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^mimo: the model wrote 1 warning to warnings\.jsonl; the first: tick 30: dividends\.formula: every weight is 0/,
    );
    expect(readdirSync(out)).toContain('warnings.jsonl');
  });

  it('a timeline event past --ticks says how to run it', () => {
    refused(
      ['run', join(ROOT, 'scenarios/fiat-recession.yaml'), '--ticks', '10'],
      /timeline\.0\.at: after the last tick, 10, so it would never happen: run at least 180 ticks, or remove the event/,
    );
  });

  it('summary.json: mean, min and max all skip ticks without a value (NaN)', () => {
    const out = join(tempDir(), 'nash');
    const file = join(ROOT, 'scenarios/bargaining-nash.yaml');
    expect(mimo(['run', file, '--ticks', '60', '--quiet', '--out', out]).code).toBe(0);
    const price = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).metrics.price;
    // From tick 51 no deal is possible: the final price is missing, the others are over ticks 1-50.
    expect(price.final).toBeNull();
    expect(price.mean).toBeGreaterThan(8000);
    expect(price.min).toBeLessThanOrEqual(price.mean);
    expect(price.max).toBeGreaterThanOrEqual(price.mean);
  });
});
