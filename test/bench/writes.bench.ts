import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import { insertContactsInBulk } from '../../src-main/core/contacts/contacts.service.ts';
import { fieldsToRow, methodRows, searchEntryOf } from '../../src-main/core/contacts/contacts.mapping.ts';
import { createCore } from '../../src-main/core/core.ts';
import { closeDatabase, openDatabase } from '../../src-main/core/db/database.ts';
import { idSource } from '../../src-main/core/db/id-batch.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateBook } from './generate-book.ts';
import { generateContacts } from './generate-contacts.ts';
import { generatePurchases, purchasesCsv, writePurchases } from './generate-purchases.ts';
import { median, percentile95 } from './timing.ts';

// Writes: contacts through the batched path (imports, sample data, the bench
// generator) at 10,000 and 100,000 beside the raw floor (the same rows by
// prepared statements, one at a time, in one transaction); one contacts.create
// through the whole core; the sample data; a purchases import (100,000
// customers with BENCH_SIZE=full). Wall time moves with the machine's load, so
// the process's CPU time is printed beside it.

type Row = Record<string, string>;
type Measure = { wallMs: number; cpuMs: number };

async function measure(run: () => Promise<unknown> | unknown): Promise<Measure> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

function row(operation: string, ours: number[], cpu: number[], raw: number[] | null, goalMs: number | null): Row {
  const p95 = percentile95(ours);
  return {
    operation,
    'ours p50 ms': median(ours).toFixed(1),
    'ours p95 ms': p95.toFixed(1),
    'ours CPU ms': median(cpu).toFixed(0),
    'raw SQLite ms': raw ? median(raw).toFixed(1) : '—',
    goal: goalMs === null ? '—' : `≤ ${goalMs} ${p95 <= goalMs ? 'met' : `MISSED by ${(p95 - goalMs).toFixed(0)} ms`}`,
  };
}

async function migratedFolder(prefix: string) {
  const data = makeTempDataDir(prefix);
  const opened = openDatabase(data.dir);
  await migrateToLatest(opened.db);
  return { data, opened };
}

/** The batched path, as an import calls it: checked fields in, one transaction. */
async function bulkContacts(contacts: ContactFields[]): Promise<Measure> {
  const { data, opened } = await migratedFolder('ambassador-bench-writes-');
  try {
    const nextId = idSource();
    return await measure(async () => {
      const items = contacts.map((fields) => ({ id: nextId(), fields }));
      await opened.db.transaction().execute((tx) => insertContactsInBulk(tx, items, new Date().toISOString()));
    });
  } finally {
    await closeDatabase(opened);
    data.remove();
  }
}

/** The floor: the same rows (same mapping) by prepared statements one at a time, in one transaction, on the same pragmas. */
async function rawContacts(contacts: ContactFields[]): Promise<Measure> {
  const { data, opened } = await migratedFolder('ambassador-bench-writes-raw-');
  const sqlite = opened.sqlite;
  try {
    const contactColumns = ['num', 'id', ...Object.keys(fieldsToRow(contacts[0]!)), 'created_at', 'updated_at'];
    const contact = sqlite.prepare(`insert into contacts (${contactColumns.join(', ')}) values (${contactColumns.map((column) => `@${column}`).join(', ')})`);
    const method = sqlite.prepare('insert into contact_methods (id, contact_id, type, label, value, is_primary, position) values (@id, @contact_id, @type, @label, @value, @is_primary, @position)');
    const tag = sqlite.prepare('insert into contact_tags (contact_id, tag, position) values (?, ?, ?)');
    const search = sqlite.prepare('insert into contacts_fts (rowid, name, company, emails, phones, tags, notes, address) values (@rowid, @name, @company, @emails, @phones, @tags, @notes, @address)');
    const nextId = idSource();
    const now = new Date().toISOString();
    return await measure(() =>
      sqlite.transaction(() => {
        contacts.forEach((fields, index) => {
          const id = nextId();
          contact.run({ num: index + 1, id, ...fieldsToRow(fields), created_at: now, updated_at: now });
          for (const each of methodRows(id, fields, nextId)) method.run(each);
          fields.tags.forEach((each, position) => tag.run(id, each, position));
          search.run(searchEntryOf(index + 1, fields));
        });
      })(),
    );
  } finally {
    await closeDatabase(opened);
    data.remove();
  }
}

async function benchBulk(count: number, rows: Row[]): Promise<void> {
  const contacts = generateContacts(count);
  const runs = count <= 10_000 ? 3 : 1;
  const ours: Measure[] = [];
  const raw: Measure[] = [];
  for (let index = 0; index < runs; index += 1) {
    ours.push(await bulkContacts(contacts));
    raw.push(await rawContacts(contacts));
  }
  rows.push(
    row(
      `${count.toLocaleString('en')} contacts through the batched path`,
      ours.map((each) => each.wallMs),
      ours.map((each) => each.cpuMs),
      raw.map((each) => each.wallMs),
      count === 100_000 ? 3000 : null,
    ),
  );
}

async function benchSingleCreates(rows: Row[]): Promise<void> {
  const data = makeTempDataDir('ambassador-bench-writes-core-');
  const core = await createCore({ dataDir: data.dir });
  const raw = await migratedFolder('ambassador-bench-writes-single-raw-');
  try {
    const contacts = generateContacts(201);
    const times: Measure[] = [];
    for (const fields of contacts) times.push(await measure(() => core.dispatch('contacts.create', fields)));
    times.shift();
    const sqlite = raw.opened.sqlite;
    const contact = sqlite.prepare(`insert into contacts (num, id, kind, first_name, last_name, company, display_name, sort_key, notes, created_at, updated_at) values (?, ?, 'person', ?, ?, ?, ?, ?, ?, ?, ?)`);
    const method = sqlite.prepare('insert into contact_methods (id, contact_id, type, label, value, is_primary, position) values (?, ?, ?, ?, ?, 1, 0)');
    const search = sqlite.prepare('insert into contacts_fts (rowid, name, company, emails, phones, tags, notes, address) values (@rowid, @name, @company, @emails, @phones, @tags, @notes, @address)');
    const nextId = idSource();
    const rawTimes: number[] = [];
    contacts.forEach((fields, index) => {
      const start = performance.now();
      sqlite.transaction(() => {
        const id = nextId();
        const now = new Date().toISOString();
        contact.run(index + 1, id, fields.firstName, fields.lastName, fields.company, `${fields.firstName} ${fields.lastName}`, `${fields.firstName} ${fields.lastName}`.toLowerCase(), fields.notes, now, now);
        method.run(nextId(), id, 'email', 'home', fields.emails[0]!.value);
        method.run(nextId(), id, 'phone', 'mobile', fields.phones[0]!.value);
        search.run(searchEntryOf(index + 1, fields));
      })();
      rawTimes.push(performance.now() - start);
    });
    rawTimes.shift();
    rows.push(row('one contacts.create through the core (200 in a row)', times.map((each) => each.wallMs), times.map((each) => each.cpuMs), rawTimes, null));

    const seeds: Measure[] = [];
    for (let index = 0; index < 3; index += 1) {
      const folder = makeTempDataDir('ambassador-bench-writes-seed-');
      const fresh = await createCore({ dataDir: folder.dir });
      seeds.push(await measure(() => fresh.dispatch('contacts.seedSample', {})));
      await fresh.close();
      folder.remove();
    }
    rows.push(row('sample data (contacts.seedSample on a new book)', seeds.map((each) => each.wallMs), seeds.map((each) => each.cpuMs), null, null));
  } finally {
    await core.close();
    data.remove();
    await closeDatabase(raw.opened);
    raw.data.remove();
  }
}

/** A till's export matched by customer number, through the core, beside writePurchases (prepared statements, one transaction). */
async function benchPurchaseImport(customers: number, purchaseRows: number, rows: Row[]): Promise<void> {
  const data = makeTempDataDir('ambassador-bench-writes-purchases-');
  const floor = makeTempDataDir('ambassador-bench-writes-purchases-raw-');
  try {
    const purchases = generatePurchases(customers, purchaseRows);
    const book = async (dir: string) => {
      const { db } = openDatabase(dir);
      await migrateToLatest(db);
      await db.destroy();
      const sqlite = new Sqlite(join(dir, 'ambassador.sqlite'));
      sqlite.pragma('journal_mode = WAL');
      return { sqlite, book: await generateBook(sqlite, { contacts: customers, interactions: 0, followups: 0 }) };
    };
    const ours = await book(data.dir);
    writePurchases(ours.sqlite, ours.book.contactIds, []);
    ours.sqlite.close();
    const file = join(data.dir, 'till-export.csv');
    writeFileSync(file, purchasesCsv(purchases));
    const raw = await book(floor.dir);
    const rawMs = (await measure(() => writePurchases(raw.sqlite, raw.book.contactIds, purchases))).wallMs;
    raw.sqlite.close();

    const core = await createCore({ dataDir: data.dir });
    await core.dispatch('purchases.previewImport', { file });
    let imported = 0;
    const took = await measure(async () => {
      const result = await core.dispatch('purchases.import', { file, unmatched: 'skip' });
      if (!result.ok) throw new Error(result.error.message);
      imported = (result.value as { imported: number }).imported;
    });
    await core.close();
    if (imported !== purchases.length) throw new Error(`Imported ${imported} of ${purchases.length} purchases.`);
    rows.push(row(`purchases.import, ${purchases.length.toLocaleString('en')} rows at ${customers.toLocaleString('en')} customers`, [took.wallMs], [took.cpuMs], [rawMs], 3000));
  } finally {
    data.remove();
    floor.remove();
  }
}

export async function run(): Promise<void> {
  const full = process.env.BENCH_SIZE === 'full';
  const rows: Row[] = [];
  await benchBulk(10_000, rows);
  await benchBulk(100_000, rows);
  await benchSingleCreates(rows);
  await benchPurchaseImport(full ? 100_000 : 10_000, full ? 100_000 : 10_000, rows);
  console.log(`\nWrites (load average ${loadavg()[0]!.toFixed(1)}; raw SQLite: the same rows by prepared statements in one transaction)${full ? '' : '; BENCH_SIZE=full imports purchases at 100,000 customers'}`);
  console.table(rows);
}
