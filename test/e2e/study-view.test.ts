import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startLab, type Lab } from './harness.js';
import { chartDrawings, svgsIn } from './chart-names.js';

// The lab's study view reads a real `mimo study` folder through its file input, in Chromium.
let lab: Lab;
let folder: string;

beforeAll(async () => {
  lab = await startLab();
  const dir = mkdtempSync(join(tmpdir(), 'mimo-e2e-study-'));
  const study = join(dir, 'ishigami.yaml');
  writeFileSync(
    study,
    [
      'name: e2e-ishigami',
      `scenario: ${join(root, 'scenarios/ishigami.yaml')}`,
      'seeds: 2',
      'factors:',
      '  params.x1: { min: -3.14159, max: 3.14159 }',
      '  params.x2: { min: -3.14159, max: 3.14159 }',
      '  params.x3: { min: -3.14159, max: 3.14159 }',
      'design: { kind: sobol, samples: 16, seed: 1 }',
      'record: final',
      '',
    ].join('\n'),
  );
  folder = join(dir, 'out');
  execFileSync(process.execPath, ['bin/mimo.js', 'study', study, '--out', folder, '--quiet'], { cwd: root });
}, 180_000);
afterAll(async () => {
  await lab?.close();
});

describe('the study view', () => {
  it('draws the sensitivity bars with intervals and each factor against the metric from a study folder', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/study`);
    await page
      .getByTestId('study-files')
      .setInputFiles(['runs.parquet', 'sensitivity.csv', 'study.json'].map((f) => join(folder, f)));
    await page.getByTestId('study-status').filter({ hasText: 'e2e-ishigami: 160 runs' }).waitFor();
    expect(await page.getByTestId('study-status').textContent()).toBe(
      'e2e-ishigami: 160 runs, 3 factors, 1 metric',
    );

    // Bars: ST and S1 for each of the 3 factors, each with an interval; most influential factor first.
    const bars = page.getByTestId('study-sensitivity');
    expect(await bars.locator('g[aria-label="bar"] rect').count()).toBe(6);
    expect(await bars.locator('g[aria-label="rule"] line').count()).toBeGreaterThanOrEqual(6);
    const csv = readFileSync(join(folder, 'sensitivity.csv'), 'utf8').trim().split('\n');
    const header = csv[0].split(',');
    const byST = csv
      .slice(1)
      .map((l) => l.split(','))
      .sort((a, b) => Number(b[header.indexOf('ST')]) - Number(a[header.indexOf('ST')]))
      .map((cells) => cells[header.indexOf('factor')]);
    expect(await bars.locator('g[aria-label="fy-axis tick label"] text').allTextContents()).toEqual(byST);
    // Each factor's name is drawn whole, inside the chart (not cut at its left edge).
    const outside = await bars.locator('svg').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const left = svg.getBoundingClientRect().left;
        return [...svg.querySelectorAll('g[aria-label="fy-axis tick label"] text')]
          .filter((t) => t.getBoundingClientRect().left < left)
          .map((t) => t.textContent);
      }),
    );
    expect(outside).toEqual([]);

    // Scatter: one chart per factor, a dot per run and a dot per design point (16 × 5 points, 2 seeds each).
    const scatter = page.getByTestId('study-scatter');
    expect(await scatter.locator('figure').count()).toBe(3);
    const first = scatter.locator('figure').first();
    expect(await first.locator('figcaption').textContent()).toBe(
      `y against ${byST[0]} (dots: runs; rings: each point's mean)`,
    );
    expect(await first.locator('g.run-dot circle').count()).toBe(160);
    expect(await first.locator('g.mean-dot circle').count()).toBe(80);
    // Every chart is an image named by what it shows; the bars' name ranks the factors.
    expect(await chartDrawings(page, svgsIn('[data-testid^="study-"]'))).toEqual({ drawings: 4, named: 4 });
    await page
      .getByRole('img', { name: new RegExp(byST[0]) })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what is missing when the files are not a study folder', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/study`);
    await page.getByTestId('study-files').setInputFiles([join(folder, 'study.json')]);
    await page.getByTestId('study-status').filter({ hasText: 'no runs.parquet' }).waitFor();
    expect(await page.getByTestId('study-sensitivity').locator('svg').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
