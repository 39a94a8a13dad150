import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The lab's live view in headless Chromium: the `baseline` economy (10,000 members, 3,000 drawn) playing at
 * 20 ticks/s; frames per second the page paints and animation frames it gets, over 5 s after a 3 s warm-up.
 * The target is ≥ 30 fps; printed, never asserted.
 */
export async function benchLiveView(): Promise<string[]> {
  const title =
    'lab live view — baseline, 10,000 members (3,000 drawn), playing at 20 ticks/s, headless Chromium';
  if (!existsSync(chromiumPath)) return [title, `  skipped: no Chromium at ${chromiumPath}`];
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'ignore',
  });
  const server = await preview({
    configFile: `${root}/vite.config.ts`,
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.resolvedUrls!.local[0]}#/run?scenario=baseline&ticks=2000`);
    await page.getByTestId('economy-view').waitFor();
    await page.getByTestId('speed').selectOption('20');
    await page.getByTestId('play').click();
    await page.waitForTimeout(3000);
    const measured = await page.evaluate(async () => {
      const view = document.querySelector<HTMLElement>('[data-testid="economy-view"]')!;
      const tickAt = () => Number(view.dataset.tick ?? 0);
      const paints: number[] = [];
      const costs: number[] = [];
      const tick0 = tickAt();
      let frames = 0;
      const t0 = performance.now();
      await new Promise<void>((done) => {
        const count = (t: number) => {
          frames++;
          if (t - t0 < 5000) requestAnimationFrame(count);
          else done();
        };
        requestAnimationFrame(count);
        const every = setInterval(() => {
          paints.push(Number(view.dataset.fps ?? 0));
          costs.push(Number(view.dataset.paintMs ?? 0));
        }, 1000);
        setTimeout(() => clearInterval(every), 5000);
      });
      const seconds = (performance.now() - t0) / 1000;
      return { animation: frames / seconds, paints, costs, ticks: (tickAt() - tick0) / seconds };
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const painted = mean(measured.paints);
    return [
      title,
      `  ${painted.toFixed(1)} fps painted, ${measured.animation.toFixed(1)} animation frames/s, ` +
        `${measured.ticks.toFixed(1)} ticks/s shown (target ≥ 30 fps); ${mean(measured.costs).toFixed(1)} ms per paint`,
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
