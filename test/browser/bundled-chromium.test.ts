import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { findChromium } from '../e2e/browser.ts';
import { bundledPackage } from './bundled-chromium.ts';

// One cache for the whole file: the first test unpacks into it (twice, at
// once), the later ones reuse it instead of unpacking 200 MB again.
const cache = makeTempDataDir('ambassador-browser-cache-');
afterAll(() => cache.remove());

const folderName = `sparticuz-chromium-${bundledPackage()?.version}`;
const unpackOnce = new URL('./unpack-once.ts', import.meta.url).pathname;

function runUnpacker(cacheRoot: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [unpackOnce, cacheRoot], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out: out.trim(), err })));
}

let savedEnvBrowser: string | undefined;
beforeEach(() => {
  savedEnvBrowser = process.env.AMBASSADOR_BROWSER;
  delete process.env.AMBASSADOR_BROWSER;
});
afterEach(() => {
  if (savedEnvBrowser === undefined) delete process.env.AMBASSADOR_BROWSER;
  else process.env.AMBASSADOR_BROWSER = savedEnvBrowser;
});

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the Chromium that npm install brings', () => {
  it('survives two processes unpacking it at once, each getting a complete browser', { timeout: 180_000 }, async () => {
    mkdirSync(cache.dir, { recursive: true });
    // Start the second unpacker only once the first has begun writing, so it
    // meets the first one's half-written files if they are visible.
    const firstWrites = new Promise<void>((resolve) => {
      const watcher = watch(cache.dir, () => {
        watcher.close();
        resolve();
      });
    });
    const first = runUnpacker(cache.dir);
    await firstWrites;
    const second = runUnpacker(cache.dir);

    const results = await Promise.all([first, second]);

    // Each process ran `chromium --version` on what it got before answering.
    for (const result of results) expect(result, result.err).toMatchObject({ code: 0 });
    expect(results[0].out).toBe(results[1].out);
    expect(readdirSync(cache.dir)).toEqual([folderName]);
    const folder = join(cache.dir, folderName);
    expect(results[0].out).toBe(join(folder, 'chromium'));
    expect(readdirSync(join(folder, 'lib'))).toContain('libnss3.so');
    expect(readFileSync(join(folder, 'fonts.conf'), 'utf8')).toContain(`<dir>${join(folder, 'fonts')}</dir>`);
  });

  it('is found last, when no other browser is installed, and renders text in its bundled font', { timeout: 120_000 }, async () => {
    const browser = findChromium({ installed: [undefined, '/nonexistent/chromium'], cacheRoot: cache.dir });
    expect(browser.executablePath).toBe(join(cache.dir, folderName, 'chromium'));

    const launched = await chromium.launch({ executablePath: browser.executablePath, env: browser.env, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await launched.newPage();
      await page.setContent(
        '<style>span { font-size: 20px }</style>' +
          '<span id="bundled" style="font-family: \'Open Sans\', monospace">Ada Lovelace</span><br>' +
          '<span id="fallback" style="font-family: monospace">Ada Lovelace</span>',
      );
      const bundled = await page.locator('#bundled').boundingBox();
      const fallback = await page.locator('#fallback').boundingBox();
      // Without a font the text has zero height; with only the system's, both
      // spans are set in the same monospace font and are equally wide.
      expect(bundled?.height).toBeGreaterThan(0);
      expect(bundled?.width).not.toBe(fallback?.width);
    } finally {
      await launched.close();
    }
  });
});

describe('finding a browser for the end-to-end tests', () => {
  it('takes AMBASSADOR_BROWSER first and says so when it points nowhere', () => {
    process.env.AMBASSADOR_BROWSER = process.execPath;
    expect(findChromium({ installed: [] })).toEqual({ executablePath: process.execPath });
    process.env.AMBASSADOR_BROWSER = '/nonexistent/chrome';
    expect(() => findChromium()).toThrow('AMBASSADOR_BROWSER points to /nonexistent/chrome, which does not exist.');
  });

  it('prefers an installed browser to unpacking the bundled one', () => {
    const empty = makeTempDataDir('ambassador-browser-unused-');
    try {
      expect(findChromium({ installed: [undefined, '/nonexistent/chromium', process.execPath], cacheRoot: empty.dir })).toEqual({
        executablePath: process.execPath,
      });
      expect(readdirSync(empty.dir)).toEqual([]);
    } finally {
      empty.remove();
    }
  });

  it('says what to install where the bundled Chromium cannot run', () => {
    expect(() => findChromium({ installed: [], platform: 'darwin', arch: 'arm64' })).toThrow(
      'No Chromium found for the browser tests (the one npm install brings runs on Linux x64 only, not on darwin arm64). ' +
        'Install Chromium (Debian/Ubuntu: apt-get install -y chromium; elsewhere: npx playwright install chromium) ' +
        'or set AMBASSADOR_BROWSER to a Chrome or Chromium executable.',
    );
  });
});
