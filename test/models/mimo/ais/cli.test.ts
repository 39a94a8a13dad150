import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASED_CELL_KEYS } from '../../../../models/mimo/ais/privacy/released-cell.js';
import { mimo, tempDir } from '../../../sim/host/cli/cli-helpers.js';

const scenario = (dividends: string) => `name: ais-cli
model: mimo
seed: 5
ticks: 60
params:
  members: 1000
  groups:
    - name: hours
      members: 0.5
      issuance: mutual-credit
  ais:
    enabled: true
    k: 5
    period: 20
  dataMarket:
    buyers:
      - name: acme
        measure: spend
        every: 20
      - name: civic
        measure: hours
        every: 20
${dividends}`;

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('mimo run with AIS (the real CLI)', () => {
  it('writes released.jsonl exactly as buyers receive it: labels and noisy sums, no member id, no pseudonym', () => {
    const dir = tempDir();
    const file = join(dir, 'ais.yaml');
    writeFileSync(file, scenario('  dividends:\n    every: 20\n    formula: records'));
    const r = mimo(['run', file, '--out', join(dir, 'out'), '--trace', '50', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const released = lines(join(dir, 'out/released.jsonl'));
    expect(released.length).toBeGreaterThan(20);
    const text = readFileSync(join(dir, 'out/released.jsonl'), 'utf8');
    // What counterparties saw of each other (the trace): none of those pseudonyms reaches a buyer.
    const trades = lines(join(dir, 'out/ais_trades.jsonl'));
    expect(trades).toHaveLength(50);
    for (const t of trades) {
      for (const key of ['buyer_as_seen_by_seller', 'seller_as_seen_by_buyer']) {
        expect(t[key]).toMatch(/^p[0-9a-f]{20}$/);
        expect(text).not.toContain(t[key] as string);
      }
    }
    expect(text).not.toMatch(/p[0-9a-f]{20}/);
    for (const cell of released) {
      expect(Object.keys(cell)).toEqual([...RELEASED_CELL_KEYS]);
      expect(['acme', 'civic']).toContain(cell.buyer);
      expect(['fiat', 'hours']).toContain(cell.group);
      expect(cell.category).toMatch(/^c\d$/);
      expect(cell.period).toMatch(/^ticks \d+-\d+$/);
      // The only whole number is AIS's query counter; the value is a noisy sum, never a count or an id.
      expect(Number.isInteger(cell.query)).toBe(true);
      expect(Number.isInteger(cell.value)).toBe(false);
    }
    const summary = JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf8')) as {
      metrics: Record<string, { final: number; max: number }>;
    };
    expect(summary.metrics.released_cells.final).toBe(released.length);
    expect(summary.metrics.dividend_conservation_error.max).toBe(0);
    expect(summary.metrics.fiat_conservation_error.max).toBe(0);
    expect(summary.metrics.dividends_paid_cum.final).toBeGreaterThan(0);
  });

  it('refuses a bad dividend formula before the run: exit 2, the formula and a caret at the problem', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, scenario('  dividends:\n    formula: records * import(x)'));
    const r = mimo(['run', file, '--out', join(dir, 'out'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('params.dividends.formula');
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('records * import(x)') && !l.includes('got'));
    expect(at).toBeGreaterThanOrEqual(0);
    const column = lines[at].indexOf('import');
    expect(lines[at + 1].indexOf('^')).toBe(column);
  });

  it('refuses an unknown dividend currency: exit 2 with the known ones', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, scenario('  dividends:\n    currency: euros'));
    const r = mimo(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('params.dividends.currency: no currency named "euros" (known: fiat, hours)');
  });
});
