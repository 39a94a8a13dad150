import { describe, expect, it } from 'vitest';
import { useLab } from './harness.js';

// The run view's address and its "link to this run": what they carry must reproduce the run on screen.
const lab = useLab();

describe('the link to a run', () => {
  it('carries a live change made while playing, and opens to the same fingerprint', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=400`);
    const status = page.getByTestId('status');
    await status.filter({ hasText: 'tick 0 / 400 · paused' }).waitFor();
    await page.getByTestId('speed').selectOption('20');
    await page.getByTestId('play').click();
    await status.filter({ hasText: /tick [1-9]\d* \/ 400 · playing/ }).waitFor({ timeout: 10_000 });
    const transfer = page.locator('.key-controls [data-param="transfer"] input[type="number"]');
    await transfer.fill('3');
    await transfer.press('Enter');
    await status.filter({ hasText: /transfer = 3 from tick [1-9]/ }).waitFor();
    const at = Number(/from tick (\d+)/.exec((await status.textContent())!)![1]);
    await page.getByTestId('speed').selectOption('0');
    const fingerprint = page.getByTestId('fingerprint');
    await fingerprint.filter({ hasText: /^[0-9a-f]{64}$/ }).waitFor({ timeout: 60_000 });
    const shown = await fingerprint.textContent();
    const href = (await page.getByTestId('share-link').getAttribute('href'))!;
    expect(href).toContain(`at.${at}.transfer=3`);
    await page.close();

    const { page: shared, errors: sharedErrors } = await lab.page();
    await shared.goto(`${lab.url}${href}`);
    const again = shared.getByTestId('fingerprint');
    await again.filter({ hasText: /^[0-9a-f]{64}$/ }).waitFor({ timeout: 60_000 });
    expect(await again.textContent()).toBe(shown);
    expect(await shared.getByTestId('scenario-editor').inputValue()).toMatch(new RegExp(`at: ${at}\\b`));
    expect([...errors, ...sharedErrors]).toEqual([]);
    await shared.close();
  });
});

describe('the address of the run view', () => {
  it('follows the scenario, seed and ticks picked, without adding history, so a reload opens the same run', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=10`);
    const status = page.getByTestId('status');
    await status.filter({ hasText: 'tick 0 / 10' }).waitFor();
    const history = await page.evaluate(() => window.history.length);
    await page.getByTestId('scenario-picker').selectOption('time-bank');
    await page.waitForFunction(() => location.hash.includes('scenario=time-bank'));
    for (const [id, value] of [
      ['seed', '5'],
      ['ticks', '20'],
    ]) {
      await page.getByTestId(id).fill(value);
      await page.getByTestId(id).dispatchEvent('change');
    }
    await status.filter({ hasText: 'tick 0 / 20' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/run?scenario=time-bank&seed=5&ticks=20');
    expect(await page.evaluate(() => window.history.length)).toBe(history);
    await page.reload();
    await status.filter({ hasText: 'tick 0 / 20' }).waitFor();
    expect(await page.getByTestId('scenario-picker').inputValue()).toBe('time-bank');
    expect(await page.getByTestId('seed').inputValue()).toBe('5');
    expect(errors).toEqual([]);
    await page.close();
  });
});
