import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimo, ROOT, tempDir } from './cli-helpers.js';

const A = join(ROOT, 'scenarios/money-game.yaml');
const B = join(ROOT, 'scenarios/money-game-debt.yaml');
const flags = ['--seeds', '3', '--ticks', '30', '--set', 'params.agents=300', '--quiet'];

describe('mimo compare', () => {
  it('gives the same runs and comparison with 1 or 3 worker threads, and the fingerprints of mimo run', () => {
    const [one, three] = [tempDir(), tempDir()];
    expect(mimo(['compare', A, B, ...flags, '--workers', '1', '--out', one]).code).toBe(0);
    expect(mimo(['compare', A, B, ...flags, '--workers', '3', '--out', three]).code).toBe(0);
    for (const f of ['runs.csv', 'comparison.csv']) {
      expect(readFileSync(join(three, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
    }
    const runs = readFileSync(join(one, 'runs.csv'), 'utf8').trim().split('\n');
    expect(runs).toHaveLength(1 + 2 * 3);
    const single = tempDir();
    mimo([
      'run',
      B,
      '--seed',
      '2',
      '--ticks',
      '30',
      '--set',
      'params.agents=300',
      '--quiet',
      '--out',
      single,
    ]);
    const fingerprint = JSON.parse(readFileSync(join(single, 'summary.json'), 'utf8')).fingerprint;
    expect(runs.find((l) => l.startsWith('money-game-debt,2,'))).toContain(fingerprint);
  });

  it('reports each metric per policy with a 95% interval and the seed-paired difference from the first', () => {
    const out = tempDir();
    const r = mimo([
      'compare',
      A,
      B,
      '--seeds',
      '4',
      '--ticks',
      '60',
      '--set',
      'params.agents=400',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 scenarios × 4 seeds/);
    const rows = readFileSync(join(out, 'comparison.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const share = rows.filter((row) => row[0] === 'share_negative');
    expect(share.map((row) => row[1])).toEqual(['money-game', 'money-game-debt']);
    const [, , runs, mean, low, high, diff, diffLow] = share[1].map(Number);
    expect(runs).toBe(4);
    expect(low).toBeLessThanOrEqual(mean);
    expect(high).toBeGreaterThanOrEqual(mean);
    expect(diff).toBeGreaterThan(0.2); // debt allowed: a large share in debt, none without
    expect(diffLow).toBeGreaterThan(0);
    expect(share[0][6]).toBe(''); // no difference for the first policy
  });

  it('refuses a bad scenario before any run: exit 2, the problem, nothing written', () => {
    const out = join(tempDir(), 'cmp');
    const r = mimo(['compare', A, 'nope.yaml', ...flags, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nope.yaml: no such file\n');
    expect(existsSync(out)).toBe(false);
    expect(mimo(['compare', A, ...flags, '--workers', '0']).code).toBe(2);
  });
});

describe('mimo compare of scenarios that record different metrics', () => {
  it('keeps every metric, empty where a scenario has none; comparison.json names its fields like comparison.csv', () => {
    const out = tempDir();
    const zi = join(ROOT, 'scenarios/zi-c.yaml');
    const r = mimo([
      'compare',
      A,
      zi,
      '--seeds',
      '2',
      '--ticks',
      '10',
      '--workers',
      '50',
      '--quiet',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const runs = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    const header = runs[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['gini_final', 'efficiency_final', 'efficiency_mean']));
    const zi1 = runs.find((l) => l.startsWith('zi-c,1,'))!.split(',');
    expect(zi1[header.indexOf('gini_final')]).toBe('');
    expect(Number(zi1[header.indexOf('efficiency_final')])).toBeGreaterThan(0);
    const csv = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n');
    const columns = csv[0].split(',');
    expect(csv.find((l) => l.startsWith('gini,zi-c,'))).toBe('gini,zi-c,0,,,,,,');
    const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(Object.keys(json.rows[0])).toEqual(columns);
    expect(json.rows.length).toBe(csv.length - 1);
    // 4 runs: 4 workers ran, not the 50 asked for.
    expect(json.workers).toBe(4);
  });
});
