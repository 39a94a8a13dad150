import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../models/index.js';
import { loadScenario } from '../../sim/host/node/load-scenario.js';
import { root, useLab } from './harness.js';
import { chartDrawings, svgsIn } from './chart-names.js';

// End to end in a real headless Chromium against the built lab (vite preview).
const lab = useLab();

/** The CLI's fingerprint for a scenario, seed and ticks (and --set flags), from its summary.json. */
function cliFingerprint(scenario: string, seed: number, ticks: number, sets: string[] = []): string {
  const out = mkdtempSync(join(tmpdir(), 'mimo-e2e-'));
  try {
    const args = [
      'bin/mimo.js',
      'run',
      `scenarios/${scenario}.yaml`,
      '--seed',
      String(seed),
      '--ticks',
      String(ticks),
    ];
    for (const s of sets) args.push('--set', s);
    const printed = execFileSync(process.execPath, [...args, '--out', out], { cwd: root, encoding: 'utf8' });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { fingerprint: string };
    expect(printed).toContain(summary.fingerprint);
    return summary.fingerprint;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('the lab in Chromium', () => {
  it('loads with no console error and shows the scenario controls', async () => {
    const { page, errors } = await lab.page();
    await page.goto(lab.url);
    await page.getByTestId('scenario-picker').waitFor();
    // The first scenario is the MIMO baseline economy (no key controls: every param shown).
    await page.locator('.params-form [data-param="members"]').waitFor();
    expect(await page.locator('.params-form .field').count()).toBeGreaterThan(3);
    // Live params, as the model's schema marks them, carry a badge; params fixed at the start do not.
    expect(await page.locator('.params-form [data-param="income.scale"][data-live]').count()).toBe(1);
    expect(await page.locator('.params-form [data-param="members"][data-live]').count()).toBe(0);
    expect(await page.locator('.params-form [data-param="negotiation.protocol"] .live-badge').count()).toBe(
      1,
    );
    await page
      .getByTestId('status')
      .filter({ hasText: /tick 0 \/ 365/ })
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('streams a baseline MIMO run and renders its dashboards', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=baseline&seed=3&ticks=60&set.members=3000`);
    await page.getByTestId('status').filter({ hasText: 'tick 0 / 60' }).waitFor();
    await page.getByTestId('speed').selectOption('0');
    await page.getByTestId('play').click();
    await page.getByTestId('status').filter({ hasText: 'done' }).waitFor({ timeout: 60_000 });
    for (const panel of ['gini', 'fx', 'shares', 'cultural-share', 'unmet']) {
      await page.getByTestId(`panel-${panel}`).locator('svg path').first().waitFor();
    }
    // Currency shares are stacked areas summing to one, the Herfindahl index a line over them.
    expect(await page.getByTestId('panel-shares').locator('svg path[data-stacked="true"]').count()).toBe(3);
    await page.getByTestId('panel-fiat-histogram').locator('svg rect').first().waitFor();
    expect(await page.getByTestId('panel-fiat-lorenz').textContent()).toMatch(/Gini 0\.\d{3}/);
    await page.getByTestId('panel-total-lorenz').locator('svg').first().waitFor();
    expect(await page.getByTestId('panel-gini').textContent()).toMatch(/gini_fiat/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('streams a kinetic-exchange run and renders its charts', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&seed=2&ticks=120&set.agents=2000`);
    await page.getByTestId('status').filter({ hasText: 'tick 0 / 120' }).waitFor();
    await page.getByTestId('speed').selectOption('0');
    await page.getByTestId('play').click();
    await page.getByTestId('status').filter({ hasText: 'done' }).waitFor({ timeout: 30_000 });
    // The Gini line has one point per streamed tick; the histogram has bars and the theory line; Lorenz drawn.
    const gini = page.getByTestId('panel-gini').locator('svg path[stroke-width="2.5"]');
    const points = async () => ((await gini.getAttribute('d')) ?? '').split(/[ML]/).filter(Boolean).length;
    await expect.poll(points, { timeout: 5000 }).toBe(120);
    await page.getByTestId('panel-wealth-histogram').locator('svg rect').first().waitFor();
    expect(await page.getByTestId('panel-wealth-histogram').locator('svg rect').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('panel-wealth-histogram').textContent()).toContain('geometric law');
    expect(await page.getByTestId('panel-wealth-lorenz').textContent()).toMatch(/Gini 0\.\d{3}/);
    // Export: the chart as SVG and PNG, the metrics as CSV.
    const saved = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const svg = await saved(() =>
      page.getByTestId('panel-gini').getByRole('button', { name: 'SVG' }).click(),
    );
    expect(svg.name).toBe('gini.svg');
    expect(svg.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await saved(() =>
      page.getByTestId('panel-wealth-lorenz').getByRole('button', { name: 'PNG' }).click(),
    );
    expect(png.name).toBe('wealth-lorenz.png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const csv = (await saved(() => page.getByTestId('csv').click())).bytes.toString().trim().split('\n');
    expect(csv[0]).toBe('tick,gini,mean,sd,max,min,share_zero_or_less,share_negative,total');
    expect(csv.length).toBe(121);
    expect(csv[120].startsWith('120,')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a bad parameter at its field', async () => {
    const { page } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=10`);
    await page.getByTestId('all-params').locator('summary').click();
    const agents = page.locator('.params-form [data-param="agents"] input[type="number"]');
    await agents.waitFor();
    await agents.fill('1');
    await agents.dispatchEvent('change');
    await page.getByTestId('error-params.agents').filter({ hasText: /2/ }).waitFor();
    expect(await page.getByTestId('problems').textContent()).toMatch(/line \d+: params\.agents/);
    // A valid change resets the run and goes into the shareable link.
    await agents.fill('700');
    await agents.dispatchEvent('change');
    await page.getByTestId('share-link').and(page.locator('[href*="set.agents=700"]')).waitFor();
    expect(await page.getByTestId('problems').textContent()).toBe('');
    const href = (await page.getByTestId('share-link').getAttribute('href')) ?? '';
    expect(href).toMatch(/^#\/run\?scenario=money-game&seed=1&ticks=10&set\.agents=700&autoplay=1$/);
    // Save writes the edited file; loading a broken one shows its problems at their lines.
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save scenario' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe('money-game.yaml');
    expect(readFileSync(await saved.path(), 'utf8')).toMatch(/agents: 700/);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('name: broken\nmodel: kinetic-exchange\nticks: 10\nparams:\n  rule: gift\n'),
    });
    await page.getByTestId('problems').filter({ hasText: 'params.rule' }).waitFor();
    const problems = await page.getByTestId('problems').locator('li').allTextContents();
    expect(problems[0]).toMatch(/^line 5: params\.rule: .*"gift"/);
    expect(await page.getByTestId('error-params.rule').textContent()).toContain('gift');
    await page.close();
  });

  it('keeps the page responsive while a large run plays in the worker', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=3000&set.agents=100000`);
    await page.getByTestId('status').filter({ hasText: 'tick 0 / 3000' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByTestId('speed').selectOption('0');
    await page.getByTestId('play').click();
    await page.waitForTimeout(2500);
    const status = (await page.getByTestId('status').textContent()) ?? '';
    expect(status).toMatch(/playing/);
    // The engine works in the worker: the page's own tasks stay short (drawing at most once per frame).
    expect(await page.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(400);
    await page.getByTestId('play').click();
    await page.getByTestId('status').filter({ hasText: 'paused' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers a tour whose stops open and play a scenario', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/tour`);
    const stops = page.locator('.tour li a');
    await stops.first().waitFor();
    expect(await stops.count()).toBeGreaterThanOrEqual(4);
    await stops.first().click();
    await page
      .getByTestId('status')
      .filter({ hasText: /tick 300 \/ 300 · done/ })
      .waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs from a URL and ends with the CLI fingerprint', async () => {
    const { page, errors } = await lab.page();
    await page.goto(
      `${lab.url}#/run?scenario=money-game&seed=7&ticks=80&autoplay=1&set.agents=3000&set.debtLimit=2`,
    );
    const fingerprint = page.getByTestId('fingerprint');
    await fingerprint.filter({ hasText: /^[0-9a-f]{64}$/ }).waitFor({ timeout: 60_000 });
    const shown = await fingerprint.textContent();
    expect(shown).toBe(cliFingerprint('money-game', 7, 80, ['params.agents=3000', 'params.debtLimit=2']));
    expect(shown).not.toBe(cliFingerprint('money-game', 8, 80, ['params.agents=3000', 'params.debtLimit=2']));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when the URL names no scenario, and shows the default one', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=no-such-scenario`);
    const status = page.getByTestId('status');
    await status.filter({ hasText: /tick 0 \// }).waitFor();
    expect(await status.textContent()).toMatch(/no scenario named "no-such-scenario": showing baseline/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fills the compare table from parallel workers', async () => {
    const { page, errors } = await lab.page();
    await page.goto(
      `${lab.url}#/compare?scenarios=money-game,money-game&seeds=3&ticks=40&set.agents=1000&p2.set.debtLimit=5`,
    );
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 60_000 });
    // 2 policies x 3 seeds over more than one worker (navigator.hardwareConcurrency, at most 4).
    expect(await page.getByTestId('compare-status').textContent()).toMatch(
      /2 policies × 3 seeds .*seeds 1\.\.3/,
    );
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.length).toBe(8);
    const gini = table.locator('tbody tr', { hasText: 'gini' }).first().locator('td');
    expect(await gini.count()).toBe(4);
    const giniCells = await gini.allTextContents();
    expect(giniCells[0]).toBe('gini (ratio)');
    for (const cell of giniCells.slice(1)) expect(cell).toMatch(/-?\d.*\[.*,.*\]/);
    // Debt lets the poor go below zero: the second policy's share in debt exceeds the first's.
    const debt = await table
      .locator('tbody tr', { hasText: 'share_negative' })
      .locator('td')
      .allTextContents();
    expect(Number(debt[2].split(' ')[0])).toBeGreaterThan(Number(debt[1].split(' ')[0]));
    // Every chart is an image named by what it shows.
    const charts = await chartDrawings(page, svgsIn('[data-testid^="compare-"]'));
    expect(charts.drawings).toBeGreaterThan(0);
    expect(charts.named).toBe(charts.drawings);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists a comparison's runs with the fingerprints Node computes, and saves them as CSV", async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/compare?scenarios=money-game,zi-c&seeds=2&ticks=30&p1.set.agents=500`);
    await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    const runs = page.getByTestId('compare-runs');
    await runs.waitFor({ timeout: 5_000 });
    expect(await runs.locator('summary').textContent()).toBe('4 runs: fingerprints');
    expect(await runs.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await runs.locator('summary').click();
    // One row per run, in order: policy, seed, ticks, the fingerprint shortened with the full value as its title.
    const rows = await runs.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent ?? '');
        const code = tr.querySelector('code')!;
        return [...cells.slice(0, 3), code.textContent ?? '', code.title];
      }),
    );
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['money-game (agents=500)', '1', '30'],
      ['money-game (agents=500)', '2', '30'],
      ['zi-c', '1', '30'],
      ['zi-c', '2', '30'],
    ]);
    const full = rows.map((r) => r[4]);
    for (const [i, r] of rows.entries()) expect(r[3]).toBe(`${full[i].slice(0, 12)}…`);
    // The same scenario, seed and ticks give the same fingerprint in Node as in Chromium.
    const agents = ['params.agents=500'];
    expect(full).toEqual([
      cliFingerprint('money-game', 1, 30, agents),
      cliFingerprint('money-game', 2, 30, agents),
      cliFingerprint('zi-c', 1, 30),
      cliFingerprint('zi-c', 2, 30),
    ]);
    expect(new Set(full).size).toBe(4);
    // Runs CSV, beside Table CSV: the full fingerprints under the columns of `mimo compare`'s runs.csv.
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: 'Runs CSV: download the runs with their fingerprints', exact: true })
        .click(),
    ]);
    expect(saved.suggestedFilename()).toBe('compare-runs.csv');
    const lines = readFileSync(await saved.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^policy,seed,fingerprint,ticks,gini_final,gini_mean,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual(
      rows.map((r, i) => [r[0], r[1], full[i], r[2]]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compares scenarios that record different metrics, keeping every metric of each', async () => {
    const cases: [string, string, number][] = [
      // baseline has a tokens group time-bank lacks; three models with no metric in common.
      ['baseline,time-bank', 'ticks=20&set.members=400', 2],
      ['money-game,zi-c,bargaining-nash', 'ticks=60&p1.set.agents=500', 3],
    ];
    for (const [scenarios, settings, policies] of cases) {
      const { page, errors } = await lab.page();
      await page.goto(`${lab.url}#/compare?scenarios=${scenarios}&seeds=2&${settings}`);
      const table = page.getByTestId('compare-table');
      await table.waitFor({ timeout: 90_000 });
      expect(await page.getByTestId('compare-status').textContent()).toMatch(
        new RegExp(`${policies} policies × 2 seeds`),
      );
      const metrics = new Set<string>();
      for (const name of scenarios.split(',')) {
        const s = loadScenario(join(root, `scenarios/${name}.yaml`), registry);
        for (const m of registry.get(s.model)!.metrics(s.params)) metrics.add(m.name);
      }
      const rows = await table.locator('tbody tr').allTextContents();
      expect(rows.length).toBe(metrics.size);
      // A policy whose scenario does not record a metric shows an empty cell, never a crash.
      const missing = table.locator('tbody td', { hasText: '—' });
      expect(await missing.count()).toBeGreaterThan(0);
      const first = [...metrics][0];
      const cells = await table
        .locator('tbody tr', { hasText: first })
        .first()
        .locator('td')
        .allTextContents();
      expect(cells[1]).toMatch(/-?\d.*\[.*,.*\]/);
      expect(await page.locator('[data-testid^="compare-"] svg').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('says why a compare stopped when one policy is refused, whatever the other workers still finish', async () => {
    const { page, errors } = await lab.page();
    // money-game-saving's timeline event at tick 500 is refused in a 60-tick run; money-game's runs succeed.
    await page.goto(
      `${lab.url}#/compare?scenarios=money-game-saving,money-game&seeds=1&ticks=60&set.agents=200`,
    );
    const status = page.getByTestId('compare-status');
    await status
      .filter({ hasText: /^error: money-game-saving: timeline\.0\.at/ })
      .waitFor({ timeout: 30_000 });
    // The refusal stays: no later progress message covers it, and no table is drawn.
    await page.waitForTimeout(1500);
    expect(await status.textContent()).toMatch(
      /^error: money-game-saving: timeline\.0\.at: after the last tick/,
    );
    expect(await page.getByTestId('compare-table').count()).toBe(0);
    expect(await page.getByTestId('compare-runs').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('designs a dividend formula: presets redraw at once, a bad formula shows its error at its position', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/designer?scenario=dividend-mixed&ticks=40&set.members=1500`);
    const stats = page.getByTestId('designer-stats');
    await stats.filter({ hasText: 'Gini of dividends' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('preset-equal').click();
    await stats.filter({ hasText: /Gini of dividends 0\.00\d/ }).waitFor();
    await page.getByTestId('preset-proportional').click();
    await stats.filter({ hasText: /correlation with records 1\.00/ }).waitFor();
    expect(await page.locator('.designer-view figure svg').count()).toBe(3);
    expect(await chartDrawings(page, svgsIn('.designer-view figure'))).toEqual({ drawings: 3, named: 3 });
    await page.getByTestId('formula').fill('records + import("fs")');
    const mark = page.getByTestId('formula-mark');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('i');
    expect(await page.getByTestId('formula-error').textContent()).toMatch(
      /unknown function `import`.*character 11/,
    );
    // The refused formula shows no figures of the last valid one; its charts are faded until a valid formula.
    expect(await stats.textContent()).toBe('');
    expect(await page.locator('.designer-view .panels.stale').count()).toBe(1);
    await page.getByTestId('formula').fill('sqrt(records)');
    await mark.waitFor({ state: 'detached' });
    await stats.filter({ hasText: 'Gini of dividends' }).waitFor();
    expect(await page.locator('.designer-view .panels.stale').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
