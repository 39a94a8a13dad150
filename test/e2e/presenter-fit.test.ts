import { describe, expect, it } from 'vitest';
import { useLab } from './harness.js';

// Presenter mode on a 1280×720 projector: what a step is about is in view without scrolling.
const lab = useLab();

describe('presenter mode at 1280×720', () => {
  it('shows every highlighted control and chart of every step without scrolling', async () => {
    const { page, errors } = await lab.page();
    await page.setViewportSize({ width: 1280, height: 720 });
    for (let step = 1; step <= 7; step++) {
      await page.goto(`${lab.url}#/present?step=${step}`);
      await page
        .getByTestId('presenter-step')
        .filter({ hasText: `Step ${step} of 7` })
        .waitFor();
      await page.locator('.key-controls .highlight').first().waitFor();
      // The live economy's legend comes with its first frame: wait for it before measuring.
      if (await page.getByTestId('economy-view').count())
        await page.locator('.view-legend .legend-row').first().waitFor();
      const boxes = await page.locator('.highlight').evaluateAll((items) =>
        items.map((e) => ({
          name: (e as HTMLElement).dataset.param ?? (e as HTMLElement).dataset.testid,
          ...e.getBoundingClientRect().toJSON(),
        })),
      );
      expect(boxes.length, `step ${step}`).toBeGreaterThanOrEqual(2);
      for (const b of boxes) {
        expect(b.top, `step ${step}: ${b.name}`).toBeGreaterThanOrEqual(0);
        expect(b.bottom, `step ${step}: ${b.name}`).toBeLessThanOrEqual(720);
        expect(b.right, `step ${step}: ${b.name}`).toBeLessThanOrEqual(1280);
      }
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
