import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLab } from './harness.js';

// The compare view's form, and the number of scenarios it takes.
const lab = useLab();

/** The status a comparison ends with. */
const DONE = /^2 policies × \d+ seeds/;

/** Every status said by the compare views opened from now on, in order (a getter of the list so far). */
async function watchStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const shown = document.querySelector('[data-testid="compare-status"]');
    // Each status is a new text node in a status line.
    new MutationObserver((records) => {
      for (const r of records)
        if (
          r.target !== shown &&
          r.target instanceof HTMLElement &&
          r.target.dataset.testid === 'compare-status'
        )
          for (const n of r.addedNodes) said.push(n.textContent ?? '');
    }).observe(document.getElementById('app')!, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}

describe('the compare form', () => {
  it('keeps the overrides when Compare is pressed again', async () => {
    const { page, errors } = await lab.page();
    await page.goto(
      `${lab.url}#/compare?scenarios=money-game,money-game&seeds=2&ticks=20&set.agents=300&p2.set.debtLimit=5`,
    );
    await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    await page.locator('.compare-view input[type="number"]').first().fill('3');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForFunction(() => location.hash.includes('seeds=3'));
    expect(new URL(page.url()).hash).toBe(
      '#/compare?scenarios=money-game,money-game&seeds=3&ticks=20&set.agents=300&p2.set.debtLimit=5',
    );
    await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('compare-status').textContent()).toMatch(/^2 policies × 3 seeds/);
    expect(await page.getByTestId('compare-table').locator('th').allTextContents()).toContain(
      'money-game (debtLimit=5): mean [95% CI]',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the comparison again from the start when Compare is pressed with the form unchanged', async () => {
    const { page, errors } = await lab.page();
    const address = `${lab.url}#/compare?scenarios=money-game,money-game&seeds=2&ticks=20&set.agents=300&p2.set.debtLimit=5`;
    await page.goto(address);
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 60_000 });
    const first = await table.textContent();
    const workers = page.workers().length;
    const entries = await page.evaluate(() => history.length);
    await table.evaluate((t) => t.classList.add('first-drawn'));
    const statuses = await watchStatuses(page);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(statuses, { timeout: 30_000 }).toContainEqual(expect.stringMatching(DONE));
    // It ran again from its first run, and said so; the address and the history are as they were.
    const said = await statuses();
    expect(said[0]).toMatch(/^running: 1 \/ 4 runs/);
    expect(said.filter((s) => DONE.test(s))).toHaveLength(1);
    expect(page.url()).toBe(address);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // Same scenarios, seeds and overrides: the same results, in a table drawn afresh, from as many workers.
    await table.waitFor();
    expect(await table.count()).toBe(1);
    expect(await table.evaluate((t) => t.classList.contains('first-drawn'))).toBe(false);
    expect(await table.textContent()).toBe(first);
    await expect.poll(() => page.workers().length).toBe(workers);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops a comparison under way when Compare is pressed again, and runs it from the start', async () => {
    const { page, errors } = await lab.page();
    // 8 runs long enough for the press to come while they are under way.
    const address = `${lab.url}#/compare?scenarios=money-game,money-game&seeds=4&ticks=3000&set.agents=3000&p2.set.debtLimit=5`;
    await page.goto(address);
    const status = page.getByTestId('compare-status');
    // Said before the first run ends: a comparison never looks idle.
    await status.filter({ hasText: /^running: 0 \/ 8 runs in \d workers/ }).waitFor({ timeout: 10_000 });
    await status.filter({ hasText: /^running: [1-6] \/ 8 runs/ }).waitFor({ timeout: 60_000 });
    const statuses = await watchStatuses(page);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(statuses, { timeout: 60_000 }).toContainEqual(expect.stringMatching(DONE));
    // The second comparison's progress starts at its first run; it alone is on the page, with one table.
    const said = await statuses();
    expect(said[0]).toMatch(/^running: 1 \/ 8 runs/);
    expect(said.filter((s) => DONE.test(s))).toHaveLength(1);
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    expect(await page.locator('.compare-view').count()).toBe(1);
    expect(await table.count()).toBe(1);
    // The stopped comparison lists no runs: the one list is the second's, its 8 runs.
    expect(await page.getByTestId('compare-runs').locator('summary').allTextContents()).toEqual([
      '8 runs: fingerprints',
    ]);
    // The first comparison's workers have ended: only the second's are left.
    const expected = await page.evaluate(() => Math.min(8, navigator.hardwareConcurrency || 2, 4));
    await expect.poll(() => page.workers().length).toBe(expected);
    expect(page.url()).toBe(address);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs 2 to 4 scenarios, and says so instead of running one or dropping a fifth', async () => {
    const { page, errors } = await lab.page();
    const status = page.getByTestId('compare-status');
    for (const [scenarios, said] of [
      ['money-game', 'Pick 2 to 4 scenarios to compare: 1 picked (money-game).'],
      [
        'money-game,zi-c,zi-u,time-bank,baseline',
        'Pick 2 to 4 scenarios to compare: 5 picked (money-game, zi-c, zi-u, time-bank, baseline).',
      ],
    ]) {
      await page.goto(`${lab.url}#/compare?scenarios=${scenarios}&seeds=1&ticks=10`);
      await status.filter({ hasText: said }).waitFor();
      await page.waitForTimeout(1000);
      expect(await status.textContent()).toBe(said);
      expect(await page.getByTestId('compare-table').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
