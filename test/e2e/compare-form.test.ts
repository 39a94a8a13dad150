import { describe, expect, it } from 'vitest';
import { useLab } from './harness.js';

// The compare view's form, and the number of scenarios it takes.
const lab = useLab();

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
