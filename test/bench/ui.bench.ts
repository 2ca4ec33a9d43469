import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { insertContactsInBulk } from '../../src-main/core/contacts/contacts.service.ts';
import { closeDatabase, openDatabase } from '../../src-main/core/db/database.ts';
import { idSource } from '../../src-main/core/db/id-batch.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { findChromium } from '../e2e/browser.ts';
import { serveApp, type ServedApp } from '../e2e/served-app.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateContacts } from './generate-contacts.ts';
import { median, percentile95 } from './timing.ts';
import { installProbe, type BenchProbe, type Timed } from './ui-page.ts';

// The contact list and search in a real Chromium against `ambassador serve` on
// generated contacts (needs `npm run build`): searches typed letter by letter,
// each keystroke timed from its key event to the paint of results that answer it
// (or a later text); the list scrolled top to bottom in 4 s, then how long until
// the rows on screen are filled; jumps to the middle; long frames while scrolling;
// the page opened cold; the server's memory afterwards. The floors are the same
// calls made straight over HTTP, with no page. BENCH_SCREENSHOTS=<folder> saves
// what the page showed.

const sizes = { quick: 10_000, full: 100_000 };
const terms = ['maya', 'lovelace', 'grace hopper', 'chen', 'refinance', 'okafor', '555-01', 'bluebird', 'priya', 'turing', 'harbor lane'];
const keyGapMs = 120;
const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Row = { measure: string; ours: string; floor: string; goal: string };

async function fill(dataDir: string, count: number): Promise<number> {
  const opened = openDatabase(dataDir);
  await migrateToLatest(opened.db);
  const nextId = idSource();
  const items = generateContacts(count).map((fields) => ({ id: nextId(), fields }));
  const start = performance.now();
  await opened.db.transaction().execute((tx) => insertContactsInBulk(tx, items, new Date().toISOString()));
  const elapsed = performance.now() - start;
  await closeDatabase(opened);
  return elapsed;
}

/** The resident memory of the `serve` process on this data folder (its core runs in a worker thread inside it), in MB. */
function serverRssMb(dataDir: string): number {
  const line = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .find((entry) => entry.includes('cli.js serve') && entry.includes(dataDir));
  if (!line) throw new Error('The served app’s process was not found.');
  const status = readFileSync(`/proc/${line.trim().split(/\s+/)[0]}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** One API call straight over HTTP, as the page makes it, timed in ms. */
async function timedCall(app: ServedApp, method: string, input: unknown): Promise<number> {
  const token = new URL(app.url).hash.replace('#token=', '');
  const start = performance.now();
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  await response.json();
  if (!response.ok) throw new Error(`${method} answered HTTP ${response.status}`);
  return performance.now() - start;
}

const probeOf = (page: Page) => page.evaluate(() => (window as unknown as { benchProbe: Omit<BenchProbe, 'untilFilled' | 'scrollThrough' | 'jumpTo'> }).benchProbe);

/**
 * Each keystroke that made a new searchable text (a space between words changes nothing to search):
 * from its key event to the first paint of results for it or a later text.
 */
function keystrokeLatencies(inputs: Timed[], paints: Timed[]): number[] {
  return inputs
    .filter((input, index) => input.q.length >= 2 && input.q !== inputs[index - 1]?.q)
    .map((input) => {
      const served = paints.find((paint) => paint.t >= input.t && paint.q.startsWith(input.q));
      return served ? served.t - input.t : Number.NaN;
    });
}

async function openCold(browser: Awaited<ReturnType<typeof chromium.launch>>, app: ServedApp) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(installProbe);
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path.slice(5));
  });
  await page.goto(app.url);
  await page.waitForFunction(() => ((window as unknown as { benchProbe: BenchProbe }).benchProbe.firstRows ?? -1) > 0, undefined, { timeout: 60_000 });
  const firstRows = (await probeOf(page)).firstRows!;
  const listed = calls.indexOf('contacts.list');
  return { context, page, firstRows, before: calls.slice(0, listed) };
}

const verdict = (value: number, goal: number, unit = 'ms') =>
  value <= goal ? `≤ ${goal} ${unit}: met` : `≤ ${goal} ${unit}: MISSED by ${(value - goal).toFixed(0)} ${unit}`;

export async function run(): Promise<void> {
  const size = sizes[process.env.BENCH_SIZE === 'full' ? 'full' : 'quick'];
  const shots = process.env.BENCH_SCREENSHOTS;
  const data = makeTempDataDir('ambassador-bench-ui-');
  const browserBinary = findChromium();
  try {
    const fillMs = await fill(data.dir, size);
    const serveStarted = performance.now();
    const app = await serveApp(data.dir);
    const serveMs = performance.now() - serveStarted;
    const browser = await chromium.launch({ executablePath: browserBinary.executablePath, env: browserBinary.env, args: browserArgs });
    try {
      // Cold start: the first open, then three more in fresh browser contexts (nothing cached in the page).
      const first = await openCold(browser, app);
      const reopened: number[] = [];
      for (let index = 0; index < 3; index++) {
        const again = await openCold(browser, app);
        reopened.push(again.firstRows);
        await again.context.close();
      }
      const { page } = first;
      const script = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => /\.js$|contacts\.list/.test(entry.name))
          .map((entry) => `${entry.name.replace(/^.*\//, '')} ${entry.startTime.toFixed(0)}–${(entry as PerformanceResourceTiming).responseEnd.toFixed(0)} ms`),
      );
      if (shots) await page.screenshot({ path: join(shots, `ui-list-${size}.png`) });

      // Keystroke → results painted.
      const search = page.getByRole('combobox', { name: 'Search contacts' });
      const latencies: number[] = [];
      const floors: number[] = [];
      for (const term of terms) {
        await search.click();
        await page.evaluate(() => {
          const probe = (window as unknown as { benchProbe: BenchProbe }).benchProbe;
          probe.inputs.length = 0;
          probe.paints.length = 0;
        });
        for (const letter of term) {
          await page.keyboard.type(letter);
          await page.waitForTimeout(keyGapMs);
        }
        await page.waitForFunction((query) => document.querySelector('[data-answers]')?.getAttribute('data-answers') === query, term, { timeout: 60_000 });
        const probe = await probeOf(page);
        latencies.push(...keystrokeLatencies(probe.inputs, probe.paints));
        if (shots && term === 'grace hopper') await page.screenshot({ path: join(shots, `ui-search-${size}.png`) });
        await page.keyboard.press('Escape');
        await page.getByRole('grid', { name: 'Contacts' }).waitFor();
        await page.waitForTimeout(300);
        for (let length = 2; length <= term.length; length++) floors.push(await timedCall(app, 'contacts.search', { query: term.slice(0, length).trim() }));
      }
      const missed = latencies.filter((latency) => Number.isNaN(latency)).length;
      const answered = latencies.filter((latency) => !Number.isNaN(latency));

      // Scroll top to bottom in 4 s, then wait for the rows on screen.
      let windowCalls = 0;
      page.on('request', (request) => {
        if (request.url().endsWith('/api/contacts.list')) windowCalls++;
      });
      await page.getByTestId('contact-grid-scroll').waitFor();
      const scrolls: { started: number; stopped: number; filled: number }[] = [];
      for (const up of [false, true]) {
        scrolls.push(
          await page.evaluate(async (back) => {
            const probe = (window as unknown as { benchProbe: BenchProbe }).benchProbe;
            const { started, stopped } = await probe.scrollThrough(4_000, back);
            const filled = await probe.untilFilled(60_000);
            return { started, stopped, filled };
          }, up),
        );
        await page.waitForTimeout(300);
      }
      const scrollCalls = windowCalls;
      const probe = await probeOf(page);
      const during = (frames: { start: number; duration: number }[]) =>
        frames
          .filter((frame) => scrolls.some((scroll) => frame.start + frame.duration >= scroll.started && frame.start <= scroll.filled))
          .map((frame) => frame.duration);
      const longFrames = during(probe.longFrames);
      const longTasks = during(probe.longTasks);
      const fills = scrolls.map((scroll) => scroll.filled - scroll.stopped);

      // Jumps, as a drag of the scrollbar would make.
      const jumps: number[] = [];
      for (const fraction of [0.5, 0.25, 0.75, 0.1, 0.9, 0.5]) {
        jumps.push(
          await page.evaluate(async (to) => {
            const bench = (window as unknown as { benchProbe: BenchProbe }).benchProbe;
            const jumped = bench.jumpTo(to);
            return (await bench.untilFilled(60_000)) - jumped;
          }, fraction),
        );
        await page.waitForTimeout(300);
      }
      if (shots) await page.screenshot({ path: join(shots, `ui-scrolled-${size}.png`) });
      const windowFloors: number[] = [];
      for (const fraction of [0.5, 0.25, 0.75, 0.1, 0.9, 0.5]) {
        windowFloors.push(await timedCall(app, 'contacts.list', { sort: 'name', offset: Math.floor(fraction * size), limit: 200, withTotal: false }));
      }
      const rssMb = serverRssMb(data.dir);
      await first.context.close();

      const coldMs = median([first.firstRows, ...reopened]);
      const keyP95 = percentile95(answered);
      const rows: Row[] = [
        {
          measure: `keystroke → results painted p50 / p95 (${answered.length} keystrokes${missed ? `, ${missed} never answered` : ''})`,
          ours: `${median(answered).toFixed(0)} / ${keyP95.toFixed(0)}`,
          floor: `${median(floors).toFixed(1)} / ${percentile95(floors).toFixed(1)} (search over HTTP)`,
          goal: verdict(keyP95, 50),
        },
        {
          measure: `scroll top→bottom, then back up, 4 s each: rows filled after it stops (${scrollCalls} window requests in all)`,
          ours: fills.map((fill) => fill.toFixed(0)).join(' · '),
          floor: `${median(windowFloors).toFixed(1)} (one 200-row window over HTTP, p50)`,
          goal: verdict(Math.max(...fills), 100),
        },
        {
          measure: 'jump to a position: rows filled, p50 / max of 6',
          ours: `${median(jumps).toFixed(0)} / ${Math.max(...jumps).toFixed(0)}`,
          floor: `${Math.max(...windowFloors).toFixed(1)} (max)`,
          goal: verdict(Math.max(...jumps), 100),
        },
        {
          measure: `long animation frames while scrolling: max (count) · long tasks max (count)`,
          ours: `${longFrames.length ? Math.max(...longFrames).toFixed(0) : 0} (${longFrames.length}) · ${longTasks.length ? Math.max(...longTasks).toFixed(0) : 0} (${longTasks.length})`,
          floor: '–',
          goal: verdict(longFrames.length ? Math.max(...longFrames) : 0, 50),
        },
        {
          measure: 'cold start: page open → first rows painted, first / median of 4',
          ours: `${first.firstRows.toFixed(0)} / ${coldMs.toFixed(0)}`,
          floor: '–',
          goal: verdict(coldMs, 500),
        },
        { measure: 'server RSS after the session (MB)', ours: rssMb.toFixed(0), floor: '–', goal: verdict(rssMb, 200, 'MB') },
      ];
      const load = loadavg()[0]!.toFixed(1);
      console.log(
        `\nThe contact list in Chromium: ${size.toLocaleString('en')} contacts (filled in ${(fillMs / 1000).toFixed(1)} s; serve printed its address after ${serveMs.toFixed(0)} ms; ` +
          `load average ${load} on ${availableParallelism()} cores: every figure grows with it)`,
      );
      console.table(rows);
      console.log(`Before the first list window the page called: ${first.before.join(', ') || 'nothing'}`);
      console.log(`Loaded (from page open): ${script.join(' · ')}`);
    } finally {
      await browser.close();
      await app.stop();
    }
  } finally {
    data.remove();
  }
}
