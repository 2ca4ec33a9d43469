import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core.ts';
import { searchContactNums } from '../../src-main/core/contacts/contacts-search.repository.ts';
import { insertContactsInBulk } from '../../src-main/core/contacts/contacts.service.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { newId } from '../../src-main/core/db/ids.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import type { Database } from '../../src-main/core/db/schema.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateContacts } from './generate-contacts.ts';
import { median, percentile95, time } from './timing.ts';

// contacts.search through the whole core at 10k, 50k, 100k and 200k contacts
// (BENCH_SMALL=1: 10k only; BENCH_SIZES=10000,100000: those), per class of term, beside the raw-SQLite floor:
// the very statements our search ran for that term, prepared once and run
// straight on better-sqlite3, plus the page's rows, primary methods and tags.
// Goal (issue 12): p95 ≤ 10 ms at 100,000, growing far less than 20× to 200,000.

const goalMs = 10;
const repeat = 15;

const terms: Record<string, string[]> = {
  'first name': ['maya', 'grace', 'omar', 'elena', 'theo'],
  'last name': ['chen', 'lovelace', 'okafor'],
  'word in notes': ['refinance', 'coffee', 'house', 'the', 'morning', 'closing'],
  '2 letters': ['qu', 'ch', 'ma', 're', 'zo', 'li', 'xy'],
  'phone fragment': ['555', '0142', '555-01', '(212)', '2125550142'],
  'several words': ['maya chen', 'chen maya', 'grace hopper', 'maya chen coffee', 'omar refinance', 'the house'],
  'email fragment': ['maya.chen', 'hopper.12', 'mail.example', '@mail'],
  'company or tag': ['bluebird', 'northwind mortgage', 'vip', 'first-home'],
  'matches nothing': ['zebra', 'xylophone', 'qwerty', 'zzz', 'maya zebra'],
};

async function fill(dataDir: string, count: number): Promise<number> {
  const { db } = openDatabase(dataDir);
  await migrateToLatest(db);
  const items = generateContacts(count, 42, true).map((fields) => ({ id: newId(), fields }));
  const start = performance.now();
  await db.transaction().execute((trx) => insertContactsInBulk(trx, items, new Date().toISOString()));
  const elapsed = performance.now() - start;
  await db.destroy();
  return elapsed;
}

/** The statements searchContactNums runs for `query`, captured once, replayed prepared on raw better-sqlite3. */
async function rawSearch(sqlite: Sqlite.Database, query: string): Promise<() => unknown> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (event) => void captured.push(event.query) });
  const nums = await searchContactNums(db, query, { limit: 50 });
  const statements = captured.map((compiled) => ({ statement: sqlite.prepare(compiled.sql), parameters: compiled.parameters as unknown[] }));
  const rows = sqlite.prepare('select * from contacts where num in (select value from json_each(?)) and deleted_at is null');
  const methods = sqlite.prepare('select * from contact_methods where is_primary = 1 and contact_id in (select value from json_each(?))');
  const tags = sqlite.prepare('select * from contact_tags where contact_id in (select value from json_each(?)) order by contact_id, position');
  return () => {
    for (const { statement, parameters } of statements) statement.all(...parameters);
    const page = rows.all(JSON.stringify(nums)) as Array<{ id: string }>;
    const ids = JSON.stringify(page.map((row) => row.id));
    return [methods.all(ids), tags.all(ids)];
  };
}

const ms = (value: number) => value.toFixed(2);
const verdict = (p95: number) => (p95 <= goalMs ? `≤ ${goalMs} ms met` : `MISSED by ${ms(p95 - goalMs)} ms`);

type SizeResult = { count: number; p50: number; p95: number; rawP95: number };

async function benchSize(count: number): Promise<SizeResult> {
  const data = makeTempDataDir('ambassador-search-bench-');
  try {
    const fillMs = await fill(data.dir, count);
    const core = await createCore({ dataDir: data.dir });
    const sqlite = new Sqlite(join(data.dir, 'ambassador.sqlite'), { readonly: true });
    const all: number[] = [];
    const allRaw: number[] = [];
    const rows: Array<Record<string, string>> = [];
    for (const [kind, queries] of Object.entries(terms)) {
      const ours: number[] = [];
      const raw: number[] = [];
      const hits: number[] = [];
      for (const query of queries) {
        ours.push(...(await time(() => core.dispatch('contacts.search', { query }), repeat)));
        raw.push(...(await time(await rawSearch(sqlite, query), repeat)));
        const result = await core.dispatch('contacts.search', { query });
        hits.push(result.ok ? (result.value as unknown[]).length : -1);
      }
      all.push(...ours);
      allRaw.push(...raw);
      rows.push({
        terms: `${kind} (${queries.join(', ')})`,
        hits: hits.join(' '),
        'p50 ms': ms(median(ours)),
        'p95 ms': ms(percentile95(ours)),
        'raw p95 ms': ms(percentile95(raw)),
        goal: verdict(percentile95(ours)),
      });
    }
    rows.push({ terms: 'all terms', hits: '', 'p50 ms': ms(median(all)), 'p95 ms': ms(percentile95(all)), 'raw p95 ms': ms(percentile95(allRaw)), goal: verdict(percentile95(all)) });
    sqlite.close();
    await core.close();
    console.log(`\nSearch: ${count.toLocaleString('en')} contacts (bulk insert ${(fillMs / 1000).toFixed(1)} s)`);
    console.table(rows);
    return { count, p50: median(all), p95: percentile95(all), rawP95: percentile95(allRaw) };
  } finally {
    data.remove();
  }
}

export async function run(): Promise<void> {
  const asked = process.env.BENCH_SIZES?.split(',').map(Number);
  const sizes = asked ?? (process.env.BENCH_SMALL ? [10_000] : [10_000, 50_000, 100_000, 200_000]);
  const results: SizeResult[] = [];
  for (const count of sizes) results.push(await benchSize(count));
  const first = results[0]!;
  console.log('\nSearch cost by book size (all terms):');
  console.table(
    results.map((result) => ({
      contacts: result.count.toLocaleString('en'),
      'p50 ms': ms(result.p50),
      'p95 ms': ms(result.p95),
      'raw p95 ms': ms(result.rawP95),
      [`p95 × vs ${first.count.toLocaleString('en')}`]: (result.p95 / first.p95).toFixed(1),
      goal: result.count === 100_000 ? verdict(result.p95) : '',
    })),
  );
}
