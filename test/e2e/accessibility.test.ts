import { describe, expect, it } from 'vitest';
import { useLab } from './harness.js';

// What a screen reader reads and what a class sees of the keyboard focus.
const lab = useLab();

describe('the compare form', () => {
  it('names its controls', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/compare`);
    for (const [role, name] of [
      ['listbox', 'Scenarios'],
      ['spinbutton', 'Seeds'],
      ['spinbutton', 'Ticks'],
    ] as const)
      await page.getByRole(role, { name, exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names each download by what it saves', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/compare?scenarios=money-game,zi-c&seeds=1&ticks=10&p1.set.agents=200`);
    await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    for (const name of [
      'Table CSV: download the comparison table',
      'Runs CSV: download the runs with their fingerprints',
    ])
      await page.getByRole('button', { name, exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the run view', () => {
  it('names every control, and each chart download by its chart', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=10`);
    await page.getByTestId('status').filter({ hasText: 'tick 0 / 10' }).waitFor();
    await page.getByRole('textbox', { name: 'Scenario file (YAML)', exact: true }).waitFor();
    await page.getByTestId('all-params').locator('summary').click();
    await page.getByRole('spinbutton', { name: 'saving: value', exact: true }).waitFor();
    // No form control without a name in the whole view.
    const snapshot = await page.locator('.run-view').ariaSnapshot();
    expect(snapshot).not.toMatch(/- (spinbutton|textbox|combobox|slider|checkbox|listbox)(:|$)/m);
    await page
      .getByRole('button', { name: 'Download the "Inequality over time (Gini)" chart as SVG', exact: true })
      .waitFor();
    const downloads = await page
      .locator('.panel-tools button')
      .evaluateAll((b) => b.map((x) => x.getAttribute('aria-label') ?? ''));
    expect(downloads.length).toBeGreaterThan(2);
    for (const name of downloads) expect(name).toMatch(/^Download the ".+" chart as (SVG|PNG)$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the keyboard focus as a thick ring, set off from the control', async () => {
    const { page } = await lab.page();
    await page.goto(`${lab.url}#/run?scenario=money-game&ticks=10`);
    await page.getByTestId('status').filter({ hasText: 'tick 0 / 10' }).waitFor();
    await page.getByTestId('scenario-picker').focus();
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return [s.outlineStyle, s.outlineWidth, s.outlineOffset];
      });
      expect(ring).toEqual(['solid', '3px', '3px']);
    }
    await page.close();
  });
});
