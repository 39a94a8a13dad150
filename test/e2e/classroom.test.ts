import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { chartDrawings, inViewport } from './chart-names.js';
import { root, useLab } from './harness.js';

// The lab in the classroom (issue 12): the live view, key controls, presenter mode, offline use.
const lab = useLab();

/** Pixels of the live view's canvas within 6 per channel of each colour (`#rrggbb`). */
async function colourCounts(page: Page, colours: readonly string[]): Promise<number[]> {
  return page.getByTestId('economy-canvas').evaluate((canvas: HTMLCanvasElement, wanted) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const rgb = wanted.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    const counts = wanted.map(() => 0);
    for (let p = 0; p < data.length; p += 4)
      rgb.forEach(([r, g, b], i) => {
        if (Math.abs(data[p] - r) <= 6 && Math.abs(data[p + 1] - g) <= 6 && Math.abs(data[p + 2] - b) <= 6)
          counts[i]++;
      });
    return counts;
  }, colours);
}

/** Plays the open run as fast as possible to its end. */
async function playToEnd(page: Page): Promise<void> {
  await page.getByTestId('speed').selectOption('0');
  await page.getByTestId('play').click();
  await page.getByTestId('status').filter({ hasText: 'done' }).waitFor({ timeout: 90_000 });
}

/** The CLI's fingerprint of a scenario file's text. */
function cliFingerprint(text: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-e2e-'));
  try {
    writeFileSync(join(dir, `${name}.yaml`), text);
    execFileSync(
      process.execPath,
      ['bin/mimo.js', 'run', join(dir, `${name}.yaml`), '--out', join(dir, 'out')],
      {
        cwd: root,
      },
    );
    return (JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as { fingerprint: string })
      .fingerprint;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the live view', () => {
  it('draws baseline members and the last tick’s trades by means of payment, and tells a member’s story', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=baseline&ticks=20&set.members=3000`);
    await page.getByTestId('economy-view').waitFor();
    await playToEnd(page);
    await page.getByTestId('economy-view').and(page.locator('[data-tick="20"]')).waitFor();
    await page.waitForTimeout(1000); // the previous tick's arcs fade out
    const legend = await page.getByTestId('economy-view').locator('.view-legend').textContent();
    expect(legend).toContain('paid in fiat');
    expect(legend).toContain('paid in fiat and a currency');
    // fiat arcs (blue), mixed arcs (pink, dashed) and members (the colour scale's darkest bucket) are on the canvas.
    const [fiat, mixed] = await colourCounts(page, ['#0072B2', '#CC79A7']);
    expect(fiat).toBeGreaterThan(20);
    expect(mixed).toBeGreaterThan(20);
    const box = (await page.getByTestId('economy-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
    const story = page.getByTestId('story');
    await story.filter({ hasText: /Member \d+ \((person|company)\)/ }).waitFor();
    expect(await story.textContent()).toMatch(/omniscient/);
    expect(await story.textContent()).toMatch(/trades this tick/);
    // Every chart is an image with a text alternative that says what it shows and its values at the run's end.
    const { drawings, named } = await chartDrawings(page);
    expect(drawings).toBeGreaterThanOrEqual(9);
    expect(named).toBe(drawings);
    await page.getByRole('img', { name: /^The economy, live, at tick 20: 3,000 of 3,000 members/ }).waitFor();
    await page
      .getByRole('img', { name: /^Gini over time \(ratio\), ticks 1 to 20\. gini_fiat: latest \d/ })
      .waitFor();
    await page.getByRole('img', { name: /^Lorenz curve, fiat, tick 20: Gini 0\.\d{3}/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ranks kinetic-exchange agents by wealth, richest first', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=60&set.agents=2000`);
    await page.getByTestId('economy-view').waitFor();
    await playToEnd(page);
    await page.waitForTimeout(1500); // bars ease to their ranks
    // The top of the bars, column by column (below the caption line): never rising from left to right.
    const tops = await page.getByTestId('economy-canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data, width, height } = canvas
        .getContext('2d')!
        .getImageData(0, 0, canvas.width, canvas.height);
      const out: number[] = [];
      for (let x = 2; x < width - 2; x += 8) {
        let y = 26;
        while (y < height && data[4 * (y * width + x)] > 240 && data[4 * (y * width + x) + 2] > 240) y++;
        out.push(y);
      }
      return out;
    });
    expect(tops[0]).toBeLessThan(tops[tops.length - 1]);
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThanOrEqual(tops[i - 1] - 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('key controls', () => {
  it('come first, the other params under a collapsed "All parameters"; a live change applies at the next tick and marks the charts', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=time-bank&ticks=40&set.members=2000`);
    const keys = page.getByTestId('key-controls');
    await keys.waitFor();
    expect(
      await keys.locator('[data-param]').evaluateAll((e) => e.map((x) => x.getAttribute('data-param'))),
    ).toEqual(['payment.culturalPreference', 'income.scale']);
    // Labelled in plain words: the param's description.
    expect(await keys.locator('[data-param="income.scale"] .field-name').textContent()).toMatch(
      /Multiplier on every income/,
    );
    expect(await page.getByTestId('all-params').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Step 10' }).click();
    await page.getByTestId('status').filter({ hasText: 'tick 20 / 40' }).waitFor();
    const scale = keys.locator('[data-param="income.scale"] input[type="number"]');
    await scale.fill('0.5');
    await scale.press('Enter');
    await page.getByTestId('status').filter({ hasText: 'income.scale = 0.5 from tick 21' }).waitFor();
    await playToEnd(page);
    await page.getByTestId('panel-gini').locator('[data-testid="change-mark"][data-tick="21"]').waitFor();
    const fingerprint = (await page.getByTestId('fingerprint').textContent())!;
    // The same change as a timeline event in the file gives the same run.
    const doc = parseDocument(readFileSync(join(root, 'scenarios/time-bank.yaml'), 'utf8'));
    doc.set('ticks', 40);
    doc.setIn(['params', 'members'], 2000);
    doc.set('timeline', doc.createNode([{ at: 21, set: { 'income.scale': 0.5 } }]));
    expect(fingerprint).toBe(cliFingerprint(doc.toString(), 'time-bank'));
    expect(await page.getByTestId('scenario-editor').inputValue()).toMatch(/at: 21/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a live change while playing', () => {
  it('applies at the next tick when made straight after Play, and the status follows the ticks', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=time-bank&ticks=400&set.members=2000`);
    const keys = page.getByTestId('key-controls');
    await keys.waitFor();
    const status = page.getByTestId('status');
    await status.filter({ hasText: 'tick 0 / 400 · paused' }).waitFor();
    await page.getByTestId('speed').selectOption('20');
    await page.getByTestId('play').click();
    // Never paused or stepped: the tick shown moves on while the run plays.
    await status.filter({ hasText: /tick [1-9]\d* \/ 400 · playing/ }).waitFor({ timeout: 10_000 });
    const scale = keys.locator('[data-param="income.scale"] input[type="number"]');
    await scale.fill('0.5');
    await scale.press('Enter');
    // A live change, not a fresh run: the run goes on from where it was, the event written into the file.
    await status.filter({ hasText: /income\.scale = 0\.5 from tick [1-9]/ }).waitFor();
    const at = Number(/from tick (\d+)/.exec((await status.textContent())!)![1]);
    expect(await status.textContent()).toMatch(/· playing/);
    expect(await page.getByTestId('scenario-editor').inputValue()).toMatch(new RegExp(`at: ${at}\\b`));
    await page.getByTestId('play').click();
    await status.filter({ hasText: 'paused' }).waitFor();
    const shown = Number(/tick (\d+) \//.exec((await status.textContent())!)![1]);
    expect(shown).toBeGreaterThanOrEqual(at);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('presenter mode', () => {
  it('moves by arrow keys with the step in the URL, asks, then answers from the run, in big type', async () => {
    const { page, errors } = await lab.page();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${lab.url}#/present?step=1`);
    await page.getByTestId('presenter-step').filter({ hasText: 'Step 1 of 7' }).waitFor();
    const size = await page
      .locator('.presenter-words p')
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('presenter-step').filter({ hasText: 'Step 2 of 7' }).waitFor();
    expect(page.url()).toMatch(/#\/present\?step=2$/);
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('presenter-step').filter({ hasText: 'Step 1 of 7' }).waitFor();
    expect(page.url()).toMatch(/step=1$/);
    await page.goto(`${lab.url}#/present?step=7`);
    await page.getByTestId('presenter-step').filter({ hasText: 'Step 7 of 7' }).waitFor();
    // The step's control is highlighted; the question is asked, the answer hidden until the run has played.
    await page.locator('.key-controls [data-param="income.scale"].highlight').waitFor();
    expect(await page.getByTestId('question').textContent()).toMatch(/rise or fall/);
    // A step shows its own key controls, whatever its scenario names.
    await page.goto(`${lab.url}#/present?step=1`);
    await page.locator('.key-controls [data-param="payment.culturalPreference"].highlight').waitFor();
    await page.goto(`${lab.url}#/present?step=7`);
    await page.getByTestId('presenter-step').filter({ hasText: 'Step 7 of 7' }).waitFor();
    expect(await page.getByTestId('answer').isHidden()).toBe(true);
    await page.getByTestId('reveal').click();
    const answer = page.getByTestId('answer');
    await answer.waitFor({ timeout: 120_000 });
    expect(await answer.textContent()).toMatch(
      /The cultural share (rose|fell) from \d+% \(days 150–179\) to \d+%/,
    );
    // The run's status and the share link stay one line each once the long fingerprint is shown beside them.
    const heights = await page
      .locator('.presenter .run-head')
      .evaluate((head) =>
        [...head.querySelectorAll<HTMLElement>('.status, [data-testid="share-link"]')].map(
          (e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize),
        ),
      );
    expect(heights.length).toBe(2);
    for (const ems of heights) expect(ems).toBeLessThan(2);
    // At 1280×720 the step fits without the page scrolling: its question, its chart and the answer are in view.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
    for (const selector of [
      '[data-testid="question"]',
      '[data-testid="answer"]',
      '[data-testid="panel-cultural-share"].highlight svg',
    ])
      expect(await inViewport(page, selector), selector).toBe(true);
    const { drawings, named } = await chartDrawings(page);
    expect(drawings).toBeGreaterThanOrEqual(9);
    expect(named).toBe(drawings);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('offline', () => {
  it('loads the built lab and runs a scenario with every non-local request blocked', async () => {
    const context = await lab.browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=50&set.agents=500`);
    await page.getByTestId('economy-view').waitFor();
    await playToEnd(page);
    expect(await page.getByTestId('fingerprint').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
