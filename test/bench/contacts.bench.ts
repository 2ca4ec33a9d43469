import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core.ts';
import { insertContactWithDetails } from '../../src-main/core/contacts/contacts.service.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateContacts } from './generate-contacts.ts';
import { median, percentile95, time } from './timing.ts';

// Search and list latency through the whole core (dispatch, validation, kysely)
// beside the same SQL run directly on better-sqlite3, at 10,000 and 100,000
// contacts.

const queries = [
  ['part of a name', 'ovela'],
  ['part of an email', 'hopper.12'],
  ['phone digits', '555-0042'],
  ['two letters', 'ch'],
  ['a tag', 'first-home'],
];

async function fill(dataDir: string, count: number): Promise<number> {
  const { db } = openDatabase(dataDir);
  await migrateToLatest(db);
  const contacts = generateContacts(count);
  const start = performance.now();
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    for (const fields of contacts) await insertContactWithDetails(trx, fields, now);
  });
  const elapsed = performance.now() - start;
  await db.destroy();
  return elapsed;
}

/** The rows a result page shows, fetched the way the service does: contacts, primary email/phone, tags. */
function rawSummaries(sqlite: Sqlite.Database) {
  const methods = sqlite.prepare('select * from contact_methods where is_primary = 1 and contact_id in (select value from json_each(?))');
  const tags = sqlite.prepare('select * from contact_tags where contact_id in (select value from json_each(?)) order by contact_id, position');
  return (rows: Array<{ id: string }>) => {
    const ids = JSON.stringify(rows.map((row) => row.id));
    return [rows, methods.all(ids), tags.all(ids)];
  };
}

/** The same SQL as contacts.search, prepared once and run straight on better-sqlite3. */
function rawSearch(sqlite: Sqlite.Database, term: string): () => unknown {
  const summaries = rawSummaries(sqlite);
  const isPhone = /^[\d\s()+\-.]+$/.test(term);
  if (term.length >= 3) {
    const match = sqlite.prepare(
      'select c.* from contacts_fts f join contacts c on c.num = f.rowid where contacts_fts match ? and c.deleted_at is null order by bm25(contacts_fts, 10, 6, 4, 4, 3, 1) limit 50',
    );
    const digits = term.replace(/\D/g, '');
    const quoted = isPhone && digits !== term ? `("${digits}" OR "${term}")` : `"${term}"`;
    return () => summaries(match.all(quoted) as Array<{ id: string }>);
  }
  const prefix = sqlite.prepare("select * from contacts where deleted_at is null and sort_key >= ? and sort_key < ? order by sort_key, id limit 50");
  const scan = sqlite.prepare(
    'select c.* from contacts_fts f join contacts c on c.num = f.rowid where (f.name like ? or f.company like ? or f.emails like ? or f.phones like ? or f.tags like ? or f.notes like ?) and c.deleted_at is null limit ?',
  );
  return () => {
    const first = prefix.all(term, `${term}\u{10ffff}`) as Array<{ id: string }>;
    const rest = first.length < 50 ? (scan.all(...Array(6).fill(`%${term}%`), 50 - first.length) as Array<{ id: string }>) : [];
    return summaries([...first, ...rest]);
  };
}

function rawList(sqlite: Sqlite.Database): (offset: number) => unknown {
  const summaries = rawSummaries(sqlite);
  const page = sqlite.prepare('select * from contacts where deleted_at is null order by sort_key, id limit 200 offset ?');
  const count = sqlite.prepare('select count(*) as count from contacts where deleted_at is null');
  return (offset) => [summaries(page.all(offset) as Array<{ id: string }>), count.get()];
}

async function benchSize(count: number): Promise<void> {
  const data = makeTempDataDir('ambassador-bench-');
  try {
    const fillMs = await fill(data.dir, count);
    const core = await createCore({ dataDir: data.dir });
    const sqlite = new Sqlite(join(data.dir, 'ambassador.sqlite'), { readonly: true });
    const rows: Array<Record<string, string>> = [];
    for (const [what, query] of queries) {
      const ours = await time(() => core.dispatch('contacts.search', { query }));
      const raw = await time(rawSearch(sqlite, query!));
      const hits = await core.dispatch('contacts.search', { query });
      rows.push({
        operation: `search: ${what} (“${query}”)`,
        hits: String(hits.ok ? (hits.value as unknown[]).length : 'error'),
        'ambassador median ms': median(ours).toFixed(2),
        'ambassador p95 ms': percentile95(ours).toFixed(2),
        'raw SQLite median ms': median(raw).toFixed(2),
      });
    }
    const middle = Math.floor(count / 2);
    const listRaw = rawList(sqlite);
    for (const offset of [0, middle]) {
      const ours = await time(() => core.dispatch('contacts.list', { sort: 'name', offset, limit: 200 }));
      const raw = await time(() => listRaw(offset));
      rows.push({
        operation: `list 200 by name at row ${offset}`,
        hits: '200',
        'ambassador median ms': median(ours).toFixed(2),
        'ambassador p95 ms': percentile95(ours).toFixed(2),
        'raw SQLite median ms': median(raw).toFixed(2),
      });
    }
    sqlite.close();
    await core.close();
    console.log(`\nContacts: ${count.toLocaleString('en')} generated contacts (inserted in ${(fillMs / 1000).toFixed(1)} s through the service)`);
    console.table(rows);
  } finally {
    data.remove();
  }
}

export async function run(): Promise<void> {
  await benchSize(10_000);
  if (!process.env.BENCH_SMALL) await benchSize(100_000);
}
