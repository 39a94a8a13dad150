import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { ensureLabBuilt } from '../fresh-build.js';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's chromium (CI: `apt-get install -y chromium`); no browser is downloaded. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A port free on localhost now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built lab served by `vite preview` on a free localhost port, and a headless Chromium. */
export interface Lab {
  readonly url: string;
  readonly browser: Browser;
  /** A fresh page that records console errors and page errors. */
  page(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * The lab for one test file: started before its tests (see `startLab`), closed after them. The tests use the
 * returned object as the lab itself once it has started.
 */
export function useLab(): Lab {
  let started: Lab | undefined;
  beforeAll(async () => {
    started = await startLab();
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  const lab = (): Lab => {
    if (!started) throw new Error('the lab is used before it started (only inside tests)');
    return started;
  };
  return {
    get url() {
      return lab().url;
    },
    get browser() {
      return lab().browser;
    },
    page: () => lab().page(),
    close: () => lab().close(),
  };
}

/** Builds the CLI and the lab, serves the lab and launches Chromium. */
export async function startLab(): Promise<Lab> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`,
    );
  }
  // dist/ is fresh already (test/global-setup.ts); the lab's own build is checked here, where it is needed.
  ensureLabBuilt();
  const port = await freePort();
  const server: PreviewServer = await preview({
    configFile: `${root}/vite.config.ts`,
    logLevel: 'error',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    browser,
    async page() {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      return { page, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
