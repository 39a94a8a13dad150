import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimo, ROOT, tempDir } from './cli-helpers.js';
import { csvRows, duckdb, studyKilledAfter, writeIshigami, writeStudy } from './study-helpers.js';

const PI = '3.141592653589793';
const FACTORS = `factors:
  params.x1: { min: -${PI}, max: ${PI} }
  params.x2: { min: -${PI}, max: ${PI} }
  params.x3: { min: -${PI}, max: ${PI} }`;

/** A small Sobol' study of Ishigami: 8 × 5 points × 2 seeds = 80 runs of 3 ticks, recorded every 2 ticks. */
function sobolStudy(dir: string): string {
  writeIshigami(dir);
  return writeStudy(
    dir,
    `name: ishi\nscenario: ishigami.yaml\nseeds: 2\n${FACTORS}\ndesign: { kind: sobol, samples: 8 }\nrecord: { every: 2 }\n`,
  );
}

describe('mimo study', () => {
  it('refuses a bad study file with one line per problem, exit 2, and writes nothing', () => {
    const dir = tempDir();
    writeIshigami(dir);
    const file = writeStudy(
      dir,
      `name: a/b\nscenario: ishigami.yaml\nseeds: 0\ncolour: red\nfactors:\n  params.x1: { min: 2, max: 1 }\ndesign: { kind: sobol, samples: 6 }\n`,
    );
    const out = join(dir, 'out');
    const r = mimo(['study', file, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.every((l) => l.startsWith(`${file}: `))).toBe(true);
    expect(r.stderr).toContain(`${file}: name: a plain folder name`);
    expect(r.stderr).toContain(`${file}: seeds:`);
    expect(r.stderr).toContain(`${file}: colour: unknown field`);
    expect(r.stderr).toContain(`${file}: factors.params.x1.max: max must be greater than min`);
    expect(r.stderr).toContain(`${file}: design.samples:`);
    expect(r.stderr).toContain('(got ');
    expect(existsSync(out)).toBe(false);

    const badValue = writeStudy(
      dir,
      `name: s\nscenario: ishigami.yaml\nmetrics: [nope]\nfactors:\n  params.noise: { min: -1, max: 1 }\ndesign: { kind: lhs, samples: 4 }\n`,
      'bad-metric.yaml',
    );
    const m = mimo(['study', badValue, '--out', out]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(`${badValue}: metrics: no such metric nope (metrics: y)`);
    const badSet = writeStudy(
      dir,
      'name: s\nscenario: ishigami.yaml\nset: { params.noise: -1, params.x4: 2 }\n',
      'bad-set.yaml',
    );
    const b = mimo(['study', badSet, '--out', out]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${badSet}: set (ishigami.yaml): params.noise: `);
    expect(b.stderr).toContain(`${badSet}: set (ishigami.yaml): params.x4: unknown field`);
    const timeline = join(ROOT, 'scenarios/fiat-recession.yaml');
    const shortTicks = writeStudy(dir, `name: s\nscenario: ${timeline}\nticks: 10\n`, 'short-ticks.yaml');
    expect(mimo(['study', shortTicks, '--out', out]).stderr).toContain(
      `${shortTicks}: ticks (${timeline}): timeline.0.at: after the last tick, 10`,
    );
    const missing = writeStudy(dir, 'name: s\nscenario: none.yaml\n', 'missing.yaml');
    expect(mimo(['study', missing, '--out', out]).stderr).toContain(`${missing}: scenario: no such file`);
    expect(existsSync(out)).toBe(false);
  });

  it('names every problem of a study file at once, each once: its fields, the scenarios, the metrics, the factors', () => {
    const dir = tempDir();
    const money = join(ROOT, 'scenarios/money-game.yaml');
    const file = writeStudy(
      dir,
      `name: s\nscenario: ${money}\nseeds: 0\ncolour: red\nrecord: bogus\nmetrics: [gini, nope]\nfactors:\n  params.agents: { min: -5, max: 2 }\ndesign: { kind: lhs, samples: 10 }\n`,
    );
    const out = join(dir, 'out');
    const r = mimo(['study', file, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 3)).toEqual([
      `${file}: seeds: too small: expected number to be >=1 (got 0)`,
      `${file}: record: invalid input (got "bogus")`,
      expect.stringMatching(/: colour: unknown field \(allowed: name, description, scenario, policies, /),
    ]);
    expect(lines[3]).toMatch(new RegExp(`^${file}: metrics: no such metric nope \\(metrics: gini, `));
    expect(lines[4]).toBe(
      `${file}: factors.params.agents: the model takes whole numbers from 2 to 50000000 here: add integer: true, raise min to 2 (got {"min":-5,"max":2})`,
    );
    expect(existsSync(out)).toBe(false);

    const policies = writeStudy(dir, `name: a/b\npolicies: [${money}, none.yaml]\n`, 'policies.yaml');
    const p = mimo(['study', policies, '--out', out]);
    expect(p.code).toBe(2);
    expect(p.stderr.trim().split('\n')).toEqual([
      `${policies}: name: a plain folder name: letters, digits, ".", "_" or "-", no "/" (got "a/b")`,
      `${policies}: policies.1: no such file (got ${join(dir, 'none.yaml')})`,
    ]);
    expect(readdirSync(dir).sort()).toEqual(['policies.yaml', 'study.yaml']);
  });

  it('says a factor the model refuses once, at the factor, with what to change', () => {
    const dir = tempDir();
    const money = join(ROOT, 'scenarios/money-game.yaml');
    const design = 'design: { kind: lhs, samples: 10 }\n';
    const agents = writeStudy(
      dir,
      `name: s\nscenario: ${money}\nfactors:\n  params.agents: { min: -5, max: 2 }\n${design}`,
    );
    const nosuch = writeStudy(
      dir,
      `name: s\nscenario: ${money}\nfactors:\n  params.nosuch: { min: 1, max: 2 }\n${design}`,
      'nosuch.yaml',
    );
    const a = mimo(['study', agents, '--out', join(dir, 'out')]);
    expect(a.code).toBe(2);
    expect(a.stderr.trim().split('\n')).toEqual([
      `${agents}: factors.params.agents: the model takes whole numbers from 2 to 50000000 here: add integer: true, raise min to 2 (got {"min":-5,"max":2})`,
    ]);
    const n = mimo(['study', nosuch, '--out', join(dir, 'out')]);
    expect(n.code).toBe(2);
    expect(n.stderr.trim().split('\n')).toEqual([
      `${nosuch}: factors.params.nosuch: unknown field (allowed: agents, initialWealth, activation, rule, transfer, saving, debtLimit)`,
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('names a bad key of factors or set, not its value', () => {
    const dir = tempDir();
    writeIshigami(dir);
    const file = writeStudy(
      dir,
      'name: s\nscenario: ishigami.yaml\nset: { x4: 2 }\nfactors: { x1: { min: 1, max: 2 } }\ndesign: { kind: lhs, samples: 4 }\n',
    );
    const r = mimo(['study', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}: set.x4: a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "x4")`,
      `${file}: factors.x1: a factor is a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "x1")`,
    ]);
  });

  it('refuses more shards than runs, before anything is written', () => {
    const dir = tempDir();
    writeIshigami(dir);
    const file = writeStudy(
      dir,
      `name: s\nscenario: ishigami.yaml\nseeds: 2\n${FACTORS}\ndesign: { kind: lhs, samples: 3 }\n`,
    );
    const out = join(dir, 'out');
    const r = mimo(['study', file, '--out', out, '--shard', '1/7', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mimo: --shard: at most one shard per run, and the study has 6 runs (got 1/7)\n');
    expect(existsSync(out)).toBe(false);
  });

  it('writes study.json, points, runs (CSV and Parquet, read back by DuckDB), series parts and Sobol indices', async () => {
    const dir = tempDir();
    const file = sobolStudy(dir);
    const out = join(dir, 'out');
    const r = mimo(['study', file, '--out', out, '--workers', '2']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('y: factors by total effect');

    const study = JSON.parse(readFileSync(join(out, 'study.json'), 'utf8'));
    expect(study.runs).toBe(80);
    expect(study.points).toHaveLength(40);
    expect(study.policies[0].text).toContain('model: ishigami');
    expect(study.nodeVersion).toBe(process.version);
    expect(csvRows(join(out, 'points.csv'))[0]).toEqual(['point', 'params.x1', 'params.x2', 'params.x3']);

    const csv = csvRows(join(out, 'runs.csv'));
    expect(csv[0]).toEqual([
      'point',
      'seed',
      'fingerprint',
      'params.x1',
      'params.x2',
      'params.x3',
      'y',
      'y_mean',
    ]);
    expect(csv).toHaveLength(81);
    const parquet = await duckdb(
      `select * from read_parquet('${join(out, 'runs.parquet')}') order by point, seed`,
    );
    expect(parquet).toHaveLength(80);
    parquet.forEach((row, i) => {
      const cells = csv[i + 1];
      expect([row.point, Number(row.seed), row.fingerprint]).toEqual([
        Number(cells[0]),
        Number(cells[1]),
        cells[2],
      ]);
      for (const [j, name] of csv[0].entries()) if (j >= 3) expect(row[name]).toBe(Number(cells[j]));
    });
    const meta = await duckdb(
      `select key::varchar as key, value::varchar as value from parquet_kv_metadata('${join(out, 'runs.parquet')}')`,
    );
    expect(meta).toContainEqual({ key: 'mimo.study_hash', value: study.hash });

    // Series: ticks 2 and 3 (every 2, and the last) of every run, in parts DuckDB reads as one table.
    const series = await duckdb(
      `select point, seed, tick, y from read_parquet('${join(out, 'series')}/*.parquet') order by point, seed, tick`,
    );
    expect(series).toHaveLength(160);
    expect(series.filter((s) => s.tick === 3).map((s) => s.y)).toEqual(parquet.map((p) => p.y));

    const sens = csvRows(join(out, 'sensitivity.csv'));
    expect(sens[0]).toEqual([
      'metric',
      'factor',
      'S1',
      'S1_low',
      'S1_high',
      'ST',
      'ST_low',
      'ST_high',
      'seed_share',
    ]);
    expect(sens.slice(1).map((row) => row[1])).toEqual(['params.x1', 'params.x2', 'params.x3']);
    const seedShare = Number(sens[1][8]);
    expect(seedShare).toBeGreaterThan(0);
    expect(seedShare).toBeLessThan(0.1);

    // Any run reproduces with mimo run, recorded the same way: the same fingerprint.
    const row = csv[7];
    const again = mimo([
      'run',
      join(dir, 'ishigami.yaml'),
      '--quiet',
      '--out',
      join(dir, 'one'),
      '--seed',
      row[1],
      '--record',
      'every:2',
      '--set',
      `params.x1=${row[3]}`,
      '--set',
      `params.x2=${row[4]}`,
      '--set',
      `params.x3=${row[5]}`,
    ]);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'one/summary.json'), 'utf8')).fingerprint).toBe(row[2]);
    expect(
      readFileSync(join(dir, 'one/metrics.csv'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['tick', '2', '3']);
  });

  it('refuses a folder of another study unless --restart', () => {
    const dir = tempDir();
    const file = sobolStudy(dir);
    const out = join(dir, 'out');
    expect(mimo(['study', file, '--out', out, '--quiet']).code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('seeds: 2', 'seeds: 3'));
    const r = mimo(['study', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(out, 'study.json')}: hash: this folder holds another study`);
    expect(mimo(['study', file, '--out', out, '--quiet', '--restart']).code).toBe(0);
    expect(csvRows(join(out, 'runs.csv'))).toHaveLength(121);
  });

  it('runs shards that merge into the same tables as a local study; merge names what is missing', () => {
    const dir = tempDir();
    writeIshigami(dir);
    const file = writeStudy(
      dir,
      `name: ishi-morris\nscenario: ishigami.yaml\nseeds: [3, 5]\n${FACTORS}\ndesign: { kind: morris, trajectories: 6 }\n`,
    );
    const local = join(dir, 'local');
    expect(mimo(['study', file, '--out', local, '--quiet']).code).toBe(0);
    const sharded = join(dir, 'sharded');
    expect(mimo(['study', file, '--out', sharded, '--shard', '1/3', '--quiet']).code).toBe(0);
    expect(mimo(['study', file, '--out', sharded, '--shard', '3/3', '--quiet']).code).toBe(0);
    const early = mimo(['study', 'merge', sharded]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain(
      '16 of 48 runs missing in shard 2/3 (16 of 16): run 1 (point 0, ishigami, seed 5)',
    );
    expect(mimo(['study', file, '--out', sharded, '--shard', '2/3', '--quiet']).code).toBe(0);
    expect(readdirSync(join(sharded, 'series')).some((f) => f.startsWith('part-2of3-'))).toBe(true);
    expect(mimo(['study', 'merge', sharded, '--quiet']).code).toBe(0);
    for (const name of ['runs.csv', 'sensitivity.csv', 'points.csv']) {
      expect(readFileSync(join(sharded, name), 'utf8')).toBe(readFileSync(join(local, name), 'utf8'));
    }
    expect(csvRows(join(local, 'sensitivity.csv'))[0]).toEqual([
      'metric',
      'factor',
      'mu',
      'mu_star',
      'sigma',
      'seed_share',
    ]);
  });

  it('a folder run in shards, then as a whole or in other shards, runs each run once and merges', async () => {
    const dir = tempDir();
    const file = sobolStudy(dir);
    const local = join(dir, 'local');
    expect(mimo(['study', file, '--out', local, '--quiet']).code).toBe(0);
    const out = join(dir, 'out');
    expect(mimo(['study', file, '--out', out, '--shard', '1/2', '--quiet']).code).toBe(0);
    expect(mimo(['study', file, '--out', out, '--shard', '1/3', '--quiet']).code).toBe(0);
    const whole = mimo(['study', file, '--out', out]);
    expect(whole.stderr).not.toMatch(/recorded more than once/);
    expect(whole.code).toBe(0);
    for (const name of ['runs.csv', 'sensitivity.csv']) {
      expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(local, name), 'utf8'));
    }
    expect(mimo(['study', file, '--out', out, '--shard', '2/2', '--quiet']).code).toBe(0);
    expect(mimo(['study', 'merge', out, '--quiet']).code).toBe(0);
    const [count] = await duckdb(
      `select count(*)::integer as n, count(distinct (point, seed, tick))::integer as distinct_rows from read_parquet('${join(out, 'series')}/*.parquet')`,
    );
    expect(count).toEqual({ n: 80 * 2, distinct_rows: 80 * 2 });
  });

  it('mimo study status prints commands that work from any folder, the study file given relative or not', () => {
    const dir = tempDir();
    sobolStudy(dir);
    expect(mimo(['study', 'study.yaml', '--out', 'out', '--shard', '1/2', '--quiet'], dir).code).toBe(0);
    const r = mimo(['study', 'status', join(dir, 'out')], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `  mimo study ${join(dir, 'study.yaml')} --out ${join(dir, 'out')} --shard 2/2\n`,
    );
  });

  it('resumes after SIGKILL at random moments with the same runs and indices, and no run twice', async () => {
    const dir = tempDir();
    writeIshigami(dir, 200);
    const file = writeStudy(
      dir,
      `name: ishi\nscenario: ishigami.yaml\nseeds: 2\n${FACTORS}\ndesign: { kind: sobol, samples: 64 }\nrecord: { every: 10 }\n`,
    );
    const whole = join(dir, 'whole');
    expect(mimo(['study', file, '--out', whole, '--quiet']).code).toBe(0);
    const killed = join(dir, 'killed');
    for (const ms of [300, 700, 500 + Math.floor(Math.random() * 800)]) {
      await studyKilledAfter([file, '--out', killed, '--workers', '2'], ms);
    }
    const r = mimo(['study', file, '--out', killed, '--workers', '2']);
    expect(r.code).toBe(0);
    for (const name of ['runs.csv', 'sensitivity.csv']) {
      expect(readFileSync(join(killed, name), 'utf8')).toBe(readFileSync(join(whole, name), 'utf8'));
    }
    const [count] = await duckdb(
      `select count(*)::integer as n, count(distinct (point, seed, tick))::integer as distinct_rows from read_parquet('${join(killed, 'series')}/*.parquet')`,
    );
    expect(count).toEqual({ n: 640 * 20, distinct_rows: 640 * 20 });
  }, 60_000);

  it('publishes the JSON Schema of study files as scenarios/study.schema.json', () => {
    const r = mimo(['schema', 'study']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).properties.design).toBeDefined();
    expect(readFileSync(join(ROOT, 'scenarios/study.schema.json'), 'utf8')).toBe(r.stdout);
  });
});
