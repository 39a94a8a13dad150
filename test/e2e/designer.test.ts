import { describe, expect, it } from 'vitest';
import { useLab } from './harness.js';

// The dividend designer (#/designer) on formulas a designer gets wrong.
const lab = useLab();

describe('the dividend designer', () => {
  it('says plainly when a formula pays nobody, and how many weights it set to 0, instead of showing shares', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/designer?scenario=dividend-mixed&ticks=40&set.members=1500`);
    const stats = page.getByTestId('designer-stats');
    await stats.filter({ hasText: 'Gini of dividends' }).waitFor({ timeout: 60_000 });
    const formula = page.getByTestId('formula');
    for (const [typed, said] of [
      ['-records', /^Nobody is paid: every weight is 0: the weights of [\d,]+ negative were set to 0/],
      ['records/0', /^Nobody is paid: every weight is 0: the weights of 1,500 not a finite number were set/],
      [
        '0',
        /^Nobody is paid: the formula gives every member a weight of 0; a payout would carry the pool over/,
      ],
    ] as const) {
      await formula.fill(typed);
      await stats.filter({ hasText: said }).waitFor();
      expect(await stats.textContent()).not.toMatch(/Gini|10%/);
      expect(await page.locator('.designer-view .panels.stale').count()).toBe(1);
    }
    // Some weights zeroed, some members paid: the figures, and the count zeroed.
    await formula.fill('records - 1');
    await stats
      .filter({ hasText: /Gini of dividends .* · the weights of [\d,]+ negative were set to 0/ })
      .waitFor();
    expect(await page.locator('.designer-view .panels.stale').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what a formula may hold after a syntax error, at the slip', async () => {
    const { page, errors } = await lab.page();
    await page.goto(`${lab.url}#/designer?scenario=dividend-mixed&ticks=10&set.members=300`);
    await page
      .getByTestId('designer-stats')
      .filter({ hasText: 'Gini of dividends' })
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('formula').fill('records * (2 +');
    const error = page.getByTestId('formula-error');
    await error.filter({ hasText: 'Unexpected end of expression' }).waitFor();
    expect(await error.locator('div').textContent()).toMatch(
      /^Unexpected end of expression \(allowed: numbers; the variables records, .*; .*the functions abs, sqrt, .*\) \(at character 15\)$/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
