import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium the end-to-end tests drive, in this order: `AMBASSADOR_BROWSER`,
 * Playwright's own download, a system Chromium or Chrome. Says what to install
 * when there is none.
 */
export function findChromium(): string {
  const fromEnv = process.env.AMBASSADOR_BROWSER;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`AMBASSADOR_BROWSER points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  let playwrights: string | undefined;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined;
  }
  const found = [playwrights, ...systemBrowsers].find((path) => path !== undefined && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install -y chromium; ' +
        'elsewhere: npx playwright install chromium) or set AMBASSADOR_BROWSER to a Chrome/Chromium executable.',
    );
  }
  return found;
}
