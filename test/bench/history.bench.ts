import Sqlite from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { bookSizes, dayFrom, generateBook, rareWord, type BookSize } from './generate-book.ts';
import { rawCompleteFollowup, rawLogInteraction, rawSearchHistory, rawTimeline, rawToday } from './history.raw.ts';
import { median, percentile95, time } from './timing.ts';

// History and follow-ups through the whole core (dispatch, validation, kysely)
// beside the same SQL run straight on better-sqlite3, on a generated book:
// `BENCH_SIZE=full` for the 100,000 contacts, 1,000,000 interactions and
// 200,000 follow-ups, a tenth of that by default.

type Row = Record<string, string>;

/** The targets, p95 in ms, for the operations that have one. */
const targets: Record<string, number> = { today: 20, timeline: 5, log: 3, done: 5, search: 30 };

function row(operation: string, target: string, ours: number[], raw: number[], found: string): Row {
  const p95 = percentile95(ours);
  const goal = targets[target];
  return {
    operation,
    found,
    'ambassador p50 ms': median(ours).toFixed(2),
    'ambassador p95 ms': p95.toFixed(2),
    'raw SQLite p50 ms': median(raw).toFixed(2),
    'raw SQLite p95 ms': percentile95(raw).toFixed(2),
    target: goal === undefined ? '' : `≤ ${goal} ${p95 <= goal ? 'met' : 'MISSED'}`,
  };
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
    const rawTodayRun = rawToday(writer, dayFrom(now, 0), dayFrom(now, 7), now.toISOString());
    rows.push(row('Today view (overdue / today / upcoming / losing touch)', 'today', await time(() => call('followups.today', {})), await time(rawTodayRun), sections));

    const timeline = (await call('history.timeline', { contactId: busiest, limit: 50 })) as { total: number };
    rows.push(row('timeline page of 50 (the busiest contact)', 'timeline', await time(() => call('history.timeline', { contactId: busiest, limit: 50 })), await time(rawTimeline(writer, busiest)), `of ${timeline.total}`));

    rows.push(row('log an interaction', 'log', await time(() => call('history.log', logInput())), await time(rawLogInteraction(writer, busiest)), '1'));
    rows.push(row('mark a follow-up done (logs its history entry)', 'done', await time(() => call('followups.complete', { id: nextOpen() })), await time(rawCompleteFollowup(writer, nextOpen)), '1'));

    for (const word of [rareWord, 'rates']) {
      const hits = (await call('history.search', { query: word })) as unknown[];
      rows.push(row(`history word search (“${word}”)`, 'search', await time(() => call('history.search', { query: word })), await time(rawSearchHistory(writer, word)), String(hits.length)));
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
