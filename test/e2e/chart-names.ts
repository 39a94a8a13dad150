import type { Page } from 'playwright-core';

/** Every chart drawing of a dashboard: the live view's canvas and each chart's svg (not its legend's swatches). */
const DRAWINGS = '.panels canvas, .panels figure.chart svg:not([class$="-swatch"] > svg)';

/** The svg drawings inside `container` (a CSS selector), not counting Plot legends' swatches. */
export function svgsIn(container: string): string {
  return `${container} svg:not([class$="-swatch"] > svg)`;
}

/**
 * The chart drawings (by default the dashboard's; else those `selector` matches), and those of them that are
 * images with a non-empty accessible name (as Playwright computes it from the ARIA attributes, as a screen reader
 * would).
 */
export async function chartDrawings(
  page: Page,
  selector = DRAWINGS,
): Promise<{ drawings: number; named: number }> {
  const drawings = page.locator(selector);
  const named = drawings.and(page.getByRole('img', { name: /\S/ }));
  return { drawings: await drawings.count(), named: await named.count() };
}

/** Whether the element lies wholly within the viewport. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}
