import Sqlite from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { bookSizes, dayFrom, generateBook, rareWord, type BookSize } from './generate-book.ts';
import { rawCompleteFollowup, rawLogInteraction, rawSearchHistory, rawTimeline, rawToday, rawTodayParts } from './history.raw.ts';
import { median, percentile95, time } from './timing.ts';

// History and follow-ups through the whole core (dispatch, validation, kysely)
// beside the same SQL run straight on better-sqlite3, on a generated book:
// `BENCH_SIZE=full` for the 100,000 contacts, 1,000,000 interactions and
// 200,000 follow-ups, a tenth of that by default.

type Row = Record<string, string>;

/** Quick operations run this many times: a p95 of 30 runs is the second slowest, mostly noise. */
const runs = 100;

/** The targets, p95 in ms, for the operations that have one. */
const targets: Record<string, number> = { today: 20, timeline: 5, log: 3, done: 5, search: 30 };

/** Met, or missed by how much; "floor over it too" when the raw SQL alone misses it (then our code is not the cause). */
function verdict(goal: number | undefined, p95: number, rawP95: number): string {
  if (goal === undefined) return '';
  if (p95 <= goal) return `≤ ${goal} met`;
  return `≤ ${goal} MISSED by ${(p95 - goal).toFixed(1)}${rawP95 > goal ? ' (floor over it too)' : ''}`;
}

/** A row with no figure of ours (a floor, a what-if) is judged by its raw figure. */
function row(operation: string, target: string, ours: number[], raw: number[], found: string): Row {
  const p95 = percentile95(ours.length === 0 ? raw : ours);
  return {
    operation,
    found,
    'ambassador p50 ms': ours.length === 0 ? '' : median(ours).toFixed(2),
    'ambassador p95 ms': ours.length === 0 ? '' : p95.toFixed(2),
    'raw SQLite p50 ms': median(raw).toFixed(2),
    'raw SQLite p95 ms': percentile95(raw).toFixed(2),
    target: verdict(targets[target], p95, percentile95(raw)),
  };
}

/**
 * Ours and the raw floor in turns, after a warm-up of each: on a shared machine
 * the load drifts, and taking turns lays the drift on both alike.
 */
async function timeInTurns(ours: () => Promise<unknown>, raw: () => unknown, repeat: number): Promise<[number[], number[]]> {
  await ours();
  raw();
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    let start = performance.now();
    await ours();
    oursMs.push(performance.now() - start);
    start = performance.now();
    raw();
    rawMs.push(performance.now() - start);
  }
  return [oursMs, rawMs];
}

/**
 * What one durable commit costs on this disk, whatever it writes: one small row
 * in a database of its own beside the book, WAL and synchronous = FULL as the
 * app runs. No write can be faster than this.
 */
function fsyncFloor(dir: string): { run: () => unknown; close: () => void } {
  const sqlite = new Sqlite(join(dir, 'fsync-floor.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('create table marks (at text not null)');
  const insert = sqlite.prepare('insert into marks (at) values (?)');
  return { run: () => insert.run(new Date().toISOString()), close: () => sqlite.close() };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function benchBook(size: BookSize): Promise<void> {
  const data = makeTempDataDir('ambassador-bench-');
  try {
    const file = join(data.dir, 'ambassador.sqlite');
    const { db } = openDatabase(data.dir);
    await migrateToLatest(db);
    await db.destroy();
    const writer = new Sqlite(file);
    writer.pragma('journal_mode = WAL');
    // As the app's connection (DESIGN.md's data rules): the raw writes then pay the same fsync ours do.
    writer.pragma('synchronous = FULL');
    const fillStart = performance.now();
    const book = await generateBook(writer, size);
    const fillMs = performance.now() - fillStart;
    writer.pragma('wal_checkpoint(TRUNCATE)');
    const bytesAfterFill = sizeOf(file);

    const core = await createCore({ dataDir: data.dir });
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const result = await core.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} answered ${result.error.code}: ${result.error.message}`);
      return result.value;
    };
    const now = new Date();
    const busiest = book.contactIds[0]!;
    const openIds = book.openFollowupIds[Symbol.iterator]();
    const nextOpen = () => {
      const next = openIds.next();
      if (next.done) throw new Error('The generated book ran out of open follow-ups to mark done.');
      return next.value;
    };
    const logInput = () => ({ contactId: busiest, kind: 'call', occurredAt: new Date().toISOString(), summary: 'Called about the offer', reasons: ['asked about rates'] });
    const rows: Row[] = [];

    const today = (await call('followups.today', {})) as Record<string, unknown[]>;
    const sections = ['overdue', 'dueToday', 'upcoming', 'losingTouch'].map((name) => `${today[name]?.length ?? '?'}`).join(' / ');
    const [todayStart, upcomingEnd] = [dayFrom(now, 0), dayFrom(now, 7)];
    rows.push(row('Today view (overdue / today / upcoming / losing touch)', 'today', ...(await timeInTurns(() => call('followups.today', {}), rawToday(writer, todayStart, upcomingEnd, now.toISOString()), 50)), sections));
    for (const [part, run] of Object.entries(rawTodayParts(writer, todayStart, upcomingEnd, now.toISOString()))) {
      rows.push(row(`  Today's part: ${part}`, 'none', [], await time(run, 50), ''));
    }
    // SQLite's page cache is 2 MB by default: Today's few thousand scattered rows do not fit, so every view reads them again.
    const bigCache = new Sqlite(file);
    bigCache.pragma('cache_size = -65536');
    rows.push(row('  Today, raw, with a 64 MB page cache instead of 2 MB', 'today', [], await time(rawToday(bigCache, todayStart, upcomingEnd, now.toISOString()), 50), ''));
    bigCache.close();

    const timeline = (await call('history.timeline', { contactId: busiest, limit: 50 })) as { total: number };
    rows.push(row('timeline page of 50 (the busiest contact)', 'timeline', ...(await timeInTurns(() => call('history.timeline', { contactId: busiest, limit: 50 }), rawTimeline(writer, busiest), runs)), `of ${timeline.total}`));

    const floor = fsyncFloor(data.dir);
    rows.push(row('a bare commit of one small row (the fsync floor of every write)', 'none', [], await time(floor.run, runs), '1'));
    floor.close();
    rows.push(row('log an interaction', 'log', ...(await timeInTurns(() => call('history.log', logInput()), rawLogInteraction(writer, busiest), runs)), '1'));
    rows.push(row('mark a follow-up done (logs its history entry)', 'done', ...(await timeInTurns(() => call('followups.complete', { id: nextOpen() }), rawCompleteFollowup(writer, nextOpen), runs)), '1'));

    for (const word of [rareWord, 'rates']) {
      const hits = (await call('history.search', { query: word })) as unknown[];
      rows.push(row(`history word search (“${word}”)`, 'search', ...(await timeInTurns(() => call('history.search', { query: word }), rawSearchHistory(writer, word), runs)), String(hits.length)));
    }

    await core.close();
    writer.pragma('wal_checkpoint(TRUNCATE)');
    writer.close();
    const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
    console.log(
      `\nHistory and follow-ups: ${size.contacts.toLocaleString('en')} contacts, ${size.interactions.toLocaleString('en')} interactions, ${size.followups.toLocaleString('en')} follow-ups ` +
        `(generated in ${(fillMs / 1000).toFixed(1)} s with raw statements; database ${megabytes(bytesAfterFill)}, ${megabytes(sizeOf(file))} after the runs)`,
    );
    console.table(rows);
  } finally {
    data.remove();
  }
}

export async function run(): Promise<void> {
  const name = process.env.BENCH_SIZE === 'full' ? 'full' : 'quick';
  if (name === 'quick') console.log('\nHistory and follow-ups at a tenth of the issue’s size; BENCH_SIZE=full for 100,000 contacts (takes minutes).');
  await benchBook(bookSizes[name]);
}
