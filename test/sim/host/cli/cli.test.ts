import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimo, ROOT, tempDir } from './cli-helpers.js';

const SCENARIO = join(ROOT, 'scenarios/money-game.yaml');
const small = ['--set', 'params.agents=200', '--ticks', '40', '--quiet'];

describe('mimo run', () => {
  it('writes metrics.csv (tick first, one column per metric, one row per tick) and summary.json', () => {
    const out = tempDir();
    const r = mimo(['run', SCENARIO, '--out', out, ...small]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('tick,gini,mean,sd,max,min,share_zero_or_less,share_negative,total');
    expect(lines).toHaveLength(41);
    expect(lines[40].startsWith('40,')).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining([
        'scenario',
        'model',
        'seed',
        'ticks',
        'fingerprint',
        'metrics',
        'wallSeconds',
        'version',
      ]),
    );
    expect(summary).toMatchObject({ scenario: 'money-game', model: 'kinetic-exchange', seed: 1, ticks: 40 });
    expect(summary.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.metrics.total).toEqual({ final: 2000, mean: 2000, min: 2000, max: 2000 });
    expect(readdirSync(out).sort()).toEqual(['metrics.csv', 'summary.json']);
  });

  it('is deterministic: same seed, byte-identical metrics and fingerprint; other seed, other fingerprint', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    mimo(['run', SCENARIO, '--out', a, ...small]);
    mimo(['run', SCENARIO, '--out', b, ...small]);
    mimo(['run', SCENARIO, '--out', c, ...small, '--seed', '2']);
    const fp = (d: string) => JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')).fingerprint;
    expect(readFileSync(join(a, 'metrics.csv'), 'utf8')).toBe(readFileSync(join(b, 'metrics.csv'), 'utf8'));
    expect(fp(a)).toBe(fp(b));
    expect(fp(c)).not.toBe(fp(a));
  });

  it('writes JSONL with the same values and fingerprint as CSV', () => {
    const [a, b] = [tempDir(), tempDir()];
    mimo(['run', SCENARIO, '--out', a, ...small]);
    mimo(['run', SCENARIO, '--out', b, ...small, '--format', 'jsonl']);
    const rows = readFileSync(join(b, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const csv = readFileSync(join(a, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(40);
    expect(rows[9].tick).toBe(10);
    expect(String(rows[9].gini)).toBe(csv[10].split(',')[1]);
    const fp = (d: string) => JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')).fingerprint;
    expect(fp(a)).toBe(fp(b));
  });

  it('prints a one-screen summary with the fingerprint, and progress lines on a non-terminal stderr', () => {
    const out = tempDir();
    const r = mimo(['run', SCENARIO, '--out', out, '--set', 'params.agents=100', '--ticks', '20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/fingerprint [0-9a-f]{64}/);
    expect(r.stdout).toMatch(/^gini\s/m);
    expect(r.stdout.split('\n').length).toBeLessThan(40);
    expect(r.stderr).toMatch(/tick 20\/20 \(100%\)/);
  });
});

describe('bad input: exit 2, one line per problem, no stack trace, nothing written', () => {
  const bad = (args: string[]) => {
    const out = join(tempDir(), 'run');
    const r = mimo([...args, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    return r.stderr;
  };

  it('a missing file', () => {
    expect(bad(['run', 'nope.yaml'])).toBe('nope.yaml: no such file\n');
  });

  it('bad fields in the file, the params with the top level', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: x\nmodel: kinetic-exchange\nticks: 0\nparams:\n  agents: 1\n  colour: red\n');
    const lines = bad(['run', file]).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/bad\.yaml: ticks: too small/);
    expect(lines[1]).toMatch(/bad\.yaml: params\.agents: too small/);
    expect(lines[2]).toMatch(/bad\.yaml: params\.colour: unknown field/);
  });

  it('a bad --set path and a bad flag', () => {
    expect(bad(['run', SCENARIO, '--set', 'agents=3'])).toMatch(/must start with "params\."/);
    expect(bad(['run', SCENARIO, '--set', 'params.agents=1'])).toMatch(/params\.agents: too small/);
    expect(bad(['run', SCENARIO, '--seed', 'abc'])).toMatch(/--seed: expected a whole number/);
    expect(bad(['run', SCENARIO, '--format', 'xml'])).toMatch(/--format: expected csv or jsonl/);
    expect(bad(['run', SCENARIO, '--colour'])).toMatch(/unknown option --colour \(options: --seed, /);
  });

  it('an unknown command', () => {
    const r = mimo(['fly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "fly"/);
  });
});

describe('mimo validate, list, schema', () => {
  it('validate says ok for good files and lists every problem of bad ones (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bad.json'),
      '{"name": "b", "model": "kinetic-exchange", "params": {"rule": "x"}}',
    );
    const r = mimo(['validate', SCENARIO, join(dir, 'bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^ok .*money-game\.yaml/);
    expect(r.stderr).toMatch(/bad\.json: params\.rule: invalid option/);
  });

  it('every shipped scenario is valid', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    const r = mimo(['validate', ...files.map((f) => join(ROOT, 'scenarios', f))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('validate checks study files too, as mimo study does before running, and writes nothing', () => {
    const cwd = tempDir();
    const studies = join(ROOT, 'scenarios/studies');
    const shipped = readdirSync(studies).map((f) => join(studies, f));
    const ok = mimo(['validate', SCENARIO, ...shipped], cwd);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok .*money-game\.yaml \(scenario money-game: model kinetic-exchange, /m);
    expect(ok.stdout).toContain(
      `ok ${join(studies, 'money-game-drivers.yaml')} (study money-game-drivers: 1280 runs (640 points × 1 scenario × 2 seeds))`,
    );
    const bad = join(cwd, 'bad-study.yaml');
    writeFileSync(
      bad,
      `name: s\nscenario: ${SCENARIO}\nseeds: 0\nfactors:\n  params.agents: { min: -5, max: 2 }\ndesign: { kind: lhs, samples: 4 }\n`,
    );
    const r = mimo(['validate', bad], cwd);
    expect(r.code).toBe(2);
    // Every problem at once: a bad field does not hide the factor the model refuses.
    expect(r.stderr.trim().split('\n')).toEqual([
      `${bad}: seeds: too small: expected number to be >=1 (got 0)`,
      `${bad}: factors.params.agents: the model takes whole numbers from 2 to 50000000 here: add integer: true, raise min to 2 (got {"min":-5,"max":2})`,
    ]);
    expect(r.stdout).toBe('');
    writeFileSync(
      bad,
      `name: s\nscenario: ${SCENARIO}\nfactors:\n  params.agents: { min: -5, max: 2 }\ndesign: { kind: lhs, samples: 4 }\n`,
    );
    expect(mimo(['validate', bad], cwd).stderr).toContain(
      `${bad}: factors.params.agents: the model takes whole numbers`,
    );
    expect(readdirSync(cwd)).toEqual(['bad-study.yaml']);
  });

  it('list shows models and scenarios with descriptions', () => {
    const r = mimo(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kinetic-exchange\s+The classic "money game"/);
    expect(r.stdout).toMatch(/money-game\.yaml\s+\[kinetic-exchange\]/);
  });

  it('schema prints the JSON Schema, and the published scenarios/schema.json is up to date', () => {
    const r = mimo(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.model.enum).toContain('kinetic-exchange');
    expect(JSON.stringify(schema)).toContain('initialWealth');
    expect(readFileSync(join(ROOT, 'scenarios/schema.json'), 'utf8')).toBe(r.stdout);
  });
});
