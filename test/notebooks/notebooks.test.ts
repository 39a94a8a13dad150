/**
 * The notebooks run against the current code. Every notebook of notebooks/ is executed headless with Deno's kernel
 * (notebooks/execute.py, Debian's Jupyter packages) into a temporary folder; the test fails on any cell error,
 * checks the results each notebook's prose states, and checks that the committed outputs are what the code gives
 * now, cell by cell, except the cells tagged `timing` (they print how long something took).
 *
 * Without Jupyter or the kernel the test is skipped with a message, unless MIMO_REQUIRE_JUPYTER=1 (set by .ci/run),
 * which makes it fail instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDER = join(ROOT, 'notebooks');
/** Debian's interpreter, where python3-jupyter-client and python3-nbformat live (not a pyenv or venv one). */
const PYTHON = '/usr/bin/python3';
const NOTEBOOKS = readdirSync(FOLDER)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  execution_count?: number | null;
}
interface Cell {
  id: string;
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: Output[];
  execution_count?: number | null;
}
interface Notebook {
  cells: Cell[];
}
/** A table as notebooks/lib/display.ts shows it to programs. */
interface Table {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

const text = (value: unknown) => (Array.isArray(value) ? value.join('') : String(value ?? ''));

function whyNot(): string | null {
  if (!existsSync(join(ROOT, 'node_modules/.bin/deno')))
    return 'no Deno in node_modules (npm ci installs it)';
  const probe = spawnSync(PYTHON, ['-c', 'import jupyter_client, nbformat'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    return (
      "no Jupyter: apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-notebook (Debian's " +
      `packages, for ${PYTHON})`
    );
  }
  return null;
}

const missing = whyNot();
const required = process.env.MIMO_REQUIRE_JUPYTER === '1';
if (missing && !required) console.warn(`test/notebooks: SKIPPED, ${missing}`);

describe.runIf(missing && required)('notebooks (required: MIMO_REQUIRE_JUPYTER=1)', () => {
  it('has Jupyter and the Deno kernel', () => {
    expect(missing).toBeNull();
  });
});

describe.skipIf(missing)('notebooks, executed now', () => {
  const out = mkdtempSync(join(tmpdir(), 'mimo-notebooks-'));
  const committed = new Map<string, Notebook>();
  const executed = new Map<string, Notebook>();
  let log = '';
  let status: number | null = null;

  beforeAll(() => {
    for (const name of NOTEBOOKS) committed.set(name, JSON.parse(readFileSync(join(FOLDER, name), 'utf8')));
    const run = spawnSync(
      PYTHON,
      [join(FOLDER, 'execute.py'), '--out', out, ...NOTEBOOKS.map((n) => join(FOLDER, n))],
      {
        encoding: 'utf8',
        timeout: 420_000,
      },
    );
    status = run.status;
    log = `${run.stderr}${run.error ? String(run.error) : ''}`;
    for (const name of NOTEBOOKS) {
      const file = join(out, name);
      if (existsSync(file)) executed.set(name, JSON.parse(readFileSync(file, 'utf8')));
    }
  }, 450_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** A cell of the executed notebook by id. */
  const cell = (notebook: string, id: string): Cell => {
    const found = executed.get(notebook)!.cells.find((c) => c.id === id);
    if (!found) throw new Error(`${notebook}: no cell ${id}`);
    return found;
  };
  const result = (notebook: string, id: string): Output => {
    const output = cell(notebook, id).outputs?.find((o) => o.output_type === 'execute_result');
    if (!output) throw new Error(`${notebook}: cell ${id} has no result`);
    return output;
  };
  const tableOf = (notebook: string, id: string) => result(notebook, id).data!['application/json'] as Table;
  /** Rows of a table as objects, keyed by its first column. */
  const rowsOf = (notebook: string, id: string) => {
    const t = tableOf(notebook, id);
    return new Map(t.rows.map((r) => [String(r[0]), Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))]));
  };

  it('runs every notebook without an error', () => {
    expect(NOTEBOOKS).toEqual([
      'baseline-drivers.ipynb',
      'dividend-design.ipynb',
      'fiat-recession.ipynb',
      'money-game.ipynb',
      'privacy-price.ipynb',
    ]);
    expect(status, log).toBe(0);
    for (const name of NOTEBOOKS) {
      const errors = executed
        .get(name)!
        .cells.flatMap((c) => c.outputs ?? [])
        .filter((o) => o.output_type === 'error');
      expect(errors, name).toEqual([]);
    }
  });

  it.each(NOTEBOOKS)('%s: the committed outputs are what the code gives now', (name) => {
    const before = committed.get(name)!.cells;
    const now = executed.get(name)!.cells;
    expect(now.map((c) => c.id)).toEqual(before.map((c) => c.id));
    const comparable = (c: Cell) =>
      (c.outputs ?? []).map((o) => ({
        type: o.output_type,
        stream: o.name ? text(o.text) : undefined,
        data: o.data
          ? Object.fromEntries(
              Object.entries(o.data).map(([k, v]) => [
                k,
                typeof v === 'object' && !Array.isArray(v) ? v : text(v),
              ]),
            )
          : undefined,
      }));
    before.forEach((c, i) => {
      if (c.cell_type !== 'code') return;
      expect(text(now[i].source), `${name}: the source of cell ${c.id}`).toBe(text(c.source));
      expect(c.execution_count, `${name}: cell ${c.id} is committed executed`).toBeTypeOf('number');
      if (c.metadata.tags?.includes('timing')) return;
      expect(comparable(now[i]), `${name}: cell ${c.id} (re-run notebooks/execute.py and commit)`).toEqual(
        comparable(c),
      );
    });
  });

  it.each(NOTEBOOKS)('%s: says at the top how long it takes and with how many members', (name) => {
    const top = text(committed.get(name)!.cells[0].source);
    expect(top).toMatch(/\*\*Runs in about \d+ (seconds|minutes?)\*\*/);
    expect(top).toMatch(/\d[\d,]* (members|people|runs)/);
  });

  it('money-game: the game reaches the Boltzmann-Gibbs (geometric) law, with and without debt', () => {
    const law = rowsOf('money-game.ipynb', 'law-table');
    expect(tableOf('money-game.ipynb', 'law-table').columns).toEqual(['quantity', 'measured', 'law']);
    expect(law.size).toBe(5);
    const gini = law.get('Gini coefficient')!;
    expect(Math.abs(Number(gini.measured) - Number(gini.law))).toBeLessThan(0.01);
    const broke = law.get('share with no money')!;
    expect(Math.abs(Number(broke.measured) - Number(broke.law))).toBeLessThan(0.01);
    expect(law.get('mean money')!.measured).toBe(10);
    const debt = rowsOf('money-game.ipynb', 'debt-table');
    const debtGini = debt.get('Gini coefficient')!;
    expect(Math.abs(Number(debtGini.measured) - Number(debtGini.law))).toBeLessThan(0.05);
    expect(Number(debtGini.measured)).toBeGreaterThan(1);
    const inDebt = debt.get('share in debt')!;
    expect(Math.abs(Number(inDebt.measured) - Number(inDebt.law))).toBeLessThan(0.02);
  });

  it('privacy-price: strict privacy sells a tenth of the data, slows exposure without capping it, and exposure follows the preference', () => {
    const NB = 'privacy-price.ipynb';
    const rows = rowsOf(NB, 'comparison');
    expect(tableOf(NB, 'comparison').rows).toHaveLength(9);
    const ratio = (metric: string) => Number(rows.get(metric)!.strict) / Number(rows.get(metric)!.open);
    expect(ratio('data_revenue_cum')).toBeGreaterThan(0.07);
    expect(ratio('data_revenue_cum')).toBeLessThan(0.13);
    expect(ratio('report_abs_error')).toBeGreaterThan(10);
    expect(ratio('released_cells')).toBeLessThan(0.6);
    const bound = rows.get('reidentification_bound_mean')!;
    expect(Number(bound['diff high'])).toBeLessThan(0);
    expect(Number(bound.strict)).toBeGreaterThan(0.6);
    expect(Number(rows.get('reidentification_bound_max')!.strict)).toBeGreaterThan(0.98);
    // Day by day: strict climbs at every sale and is still rising; open is at its ceiling from day 120.
    const days = tableOf(NB, 'milestones');
    expect(days.columns).toEqual(['day', 'privacy-strict', 'privacy-open']);
    const strict = days.rows.map((r) => Number(r[1]));
    const open = days.rows.map((r) => Number(r[2]));
    for (let k = 1; k < strict.length; k++) expect(strict[k]).toBeGreaterThan(strict[k - 1] + 0.05);
    expect(Math.min(...open.slice(2))).toBeGreaterThan(0.85);
    expect(strict.at(-1)!).toBeLessThan(open.at(-1)!);
    // A lifetime budget of 1 caps every member at tanh(1/2) and costs data revenue.
    const life = rowsOf(NB, 'lifetime');
    const capped = life.get('privacy-strict, lifetime 1')!;
    expect(Number(capped['bound, max'])).toBeLessThanOrEqual(Math.tanh(0.5) + 1e-9);
    expect(Number(capped['bound, mean'])).toBeLessThan(
      0.6 * Number(life.get('privacy-strict')!['bound, mean']),
    );
    expect(Number(capped['data revenue'])).toBeLessThan(
      0.5 * Number(life.get('privacy-strict')!['data revenue']),
    );
    // By preference: exposure rises with the budget share; a privacy_spent dividend follows it, a records one does not.
    const pref = tableOf(NB, 'preferences');
    expect(pref.rows).toHaveLength(5);
    const col = (name: string) => pref.rows.map((r) => Number(r[pref.columns.indexOf(name)]));
    const exposure = col('re-identification bound');
    for (let k = 1; k < 5; k++) expect(exposure[k]).toBeGreaterThan(exposure[k - 1]);
    expect(exposure[0]).toBeLessThan(0.1);
    const byPrivacy = col('dividend by privacy_spent');
    expect(byPrivacy[4] / byPrivacy[0]).toBeGreaterThan(20);
    const byRecords = col('dividend by records');
    expect(Math.max(...byRecords) / Math.min(...byRecords)).toBeLessThan(1.2);
  });

  it('fiat-recession: fiat falls by about 30%, the cultural share rises (paired interval above 0), trades fall', () => {
    const t = tableOf('fiat-recession.ipynb', 'comparison');
    expect(t.rows).toHaveLength(14);
    expect(t.columns).toHaveLength(8);
    const rows = rowsOf('fiat-recession.ipynb', 'comparison');
    const fiat = rows.get('fiat_total')!;
    expect(Number(fiat['fiat-recession']) / Number(fiat.baseline)).toBeGreaterThan(0.65);
    expect(Number(fiat['fiat-recession']) / Number(fiat.baseline)).toBeLessThan(0.75);
    const cultural = rows.get('cultural_share')!;
    expect(Number(cultural['diff low'])).toBeGreaterThan(0);
    expect(Number(cultural.difference)).toBeGreaterThan(0.01);
    expect(Number(cultural.difference)).toBeLessThan(0.05);
    expect(Number(rows.get('trades')!['diff high'])).toBeLessThan(0);
    expect(Number(rows.get('unmet_no_agreement')!['diff low'])).toBeGreaterThan(0);
  });

  it('dividend-design: equal shares have Gini 0; proportional > concave > mixed; the richest fifth gains most', () => {
    const formulas = rowsOf('dividend-design.ipynb', 'formulas');
    expect([...formulas.keys()]).toEqual(['equal', 'proportional', 'concave', 'hours', 'mixed']);
    const gini = (f: string) => Number(formulas.get(f)!.gini);
    expect(gini('equal')).toBe(0);
    expect(gini('proportional')).toBeGreaterThan(gini('concave'));
    expect(gini('concave')).toBeGreaterThan(gini('mixed'));
    expect(gini('mixed')).toBeGreaterThan(0);
    expect(formulas.get('mixed')!['paid nothing']).toBe(0);
    const gains = rowsOf('dividend-design.ipynb', 'who-gains').get('proportional')!;
    expect(Number(gains['richest fifth'])).toBeGreaterThan(1.2);
    expect(Number(gains['poorest fifth'])).toBeLessThan(1);
  });

  it('baseline-drivers: the indices recomputed from runs.parquet are the study’s; the strongest factors', () => {
    expect(text(result('baseline-drivers.ipynb', 'agreement').data!['text/plain'])).toContain(
      'largest difference from sensitivity.csv: 0',
    );
    expect(tableOf('baseline-drivers.ipynb', 'runs').rows).toHaveLength(5);
    expect(text(result('baseline-drivers.ipynb', 'runs').data!['text/plain'])).toContain(
      '7680 runs × 21 columns',
    );
    expect(tableOf('baseline-drivers.ipynb', 'indices').rows).toHaveLength(5 * 8);
    const strongest = rowsOf('baseline-drivers.ipynb', 'strongest');
    expect(strongest.get('cultural_share')!.factor).toBe('params.payment.culturalPreference');
    expect(strongest.get('gini_total')!.factor).toBe('params.spending.saving');
    expect(strongest.get('unmet_needs')!.factor).toBe('params.valuation.hourCost');
    expect(strongest.get('rate_hours')!.factor).toBe('params.valuation.hourCost');
    expect(strongest.get('at_limit_hours')!.factor).toBe('params.groups.0.creditLimit');
  });

  it('the notebooks’ library type-checks under Deno', () => {
    const check = spawnSync(
      join(ROOT, 'node_modules/.bin/deno'),
      ['check', 'notebooks/lib/display.ts', 'notebooks/lib/engine.ts'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(check.status, check.stderr).toBe(0);
  });
});
