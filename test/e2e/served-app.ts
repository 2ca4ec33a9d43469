import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type ServedApp = { url: string; origin: string; stop: () => Promise<void> };

/**
 * Runs the built `ambassador serve` on a data folder, as a user would, and
 * returns the address it printed first.
 */
export async function serveApp(dataDir: string): Promise<ServedApp> {
  if (!existsSync('dist-main/cli.js') || !existsSync('dist-renderer/index.html')) {
    throw new Error('The app is not built: run npm run build before the browser tests.');
  }
  const child: ChildProcess = spawn(process.execPath, ['dist-main/cli.js', 'serve', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [url] = (await once(lines, 'line')) as [string];
  lines.on('line', () => {});
  if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{32}$/.test(url)) {
    child.kill();
    throw new Error(`ambassador serve printed “${url}” instead of its address first.`);
  }
  return {
    url,
    origin: new URL(url).origin,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      await once(child, 'exit');
    },
  };
}

export type ServedSpec = {
  /** Serves the app on the test's data folder, without opening a page. */
  serve: () => Promise<ServedApp>;
  /** Serves the app on it (again, after a restart) and opens the page. */
  open: (page: Page) => Promise<ServedApp>;
  /** Stops the served app, keeping its data folder. */
  stop: () => Promise<void>;
};

/**
 * Gives each test of a spec its own temp data folder (outside test-results/,
 * which Playwright empties) and stops the app it served afterwards.
 */
export function serveForEachTest(prefix: string): ServedSpec {
  let dataDir = '';
  let app: ServedApp | undefined;
  const stop = async () => {
    await app?.stop();
    app = undefined;
  };
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
  });
  test.afterEach(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const serve = async () => {
    app = await serveApp(dataDir);
    return app;
  };
  return {
    serve,
    open: async (page) => {
      const served = await serve();
      await page.goto(served.url);
      await expect(page.getByRole('link', { name: 'Trash' })).toBeVisible();
      return served;
    },
    stop,
  };
}
