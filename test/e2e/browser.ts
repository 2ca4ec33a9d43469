import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { bundledChromium, bundledPackage, projectCache, type Browser } from '../browser/bundled-chromium.ts';

export type { Browser };

const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function playwrightsBrowser(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

type Options = {
  /** Browsers that may be installed, best first (default: Playwright's own, then the system's). */
  installed?: (string | undefined)[];
  /** Where the bundled Chromium is unpacked (default: node_modules/.cache). */
  cacheRoot?: string;
  platform?: string;
  arch?: string;
};

/**
 * The Chromium the end-to-end tests drive, in this order: `AMBASSADOR_BROWSER`,
 * Playwright's own download, a system Chromium or Chrome, and last the headless
 * Chromium that `npm install` brings on Linux x64 (@sparticuz/chromium). Says
 * what to install when there is none.
 */
export function findChromium(options: Options = {}): Browser {
  const fromEnv = process.env.AMBASSADOR_BROWSER;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`AMBASSADOR_BROWSER points to ${fromEnv}, which does not exist.`);
    return { executablePath: fromEnv };
  }
  const installed = options.installed ?? [playwrightsBrowser(), ...systemBrowsers];
  const found = installed.find((path) => path !== undefined && existsSync(path));
  if (found) return { executablePath: found };

  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const pkg = bundledPackage();
  if (platform === 'linux' && arch === 'x64' && pkg) return bundledChromium(options.cacheRoot ?? projectCache, pkg);

  const chromiumFrom = 'Chromium (Debian/Ubuntu: apt-get install -y chromium; elsewhere: npx playwright install chromium)';
  const orEnv = 'set AMBASSADOR_BROWSER to a Chrome or Chromium executable';
  throw new Error(
    platform === 'linux' && arch === 'x64'
      ? 'No Chromium found for the browser tests, and @sparticuz/chromium (which npm install brings) is missing. ' +
          `Run npm install, or install ${chromiumFrom}, or ${orEnv}.`
      : `No Chromium found for the browser tests (the one npm install brings runs on Linux x64 only, not on ${platform} ${arch}). ` +
          `Install ${chromiumFrom} or ${orEnv}.`,
  );
}
