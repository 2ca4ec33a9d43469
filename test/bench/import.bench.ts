import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { generateContacts } from './generate-contacts.ts';

// Importing a 100,000-row CSV through the whole core (dispatch, reading the
// file, checking every row, matching duplicates, the bulk write path, the batch
// record), preview and import each timed end to end, beside the plainest fast
// insert of the same contacts: better-sqlite3 prepared statements, one row at a
// time, in one transaction (contacts, emails, phones, tags and search entries).

const count = Number(process.env.IMPORT_ROWS ?? 100_000);

function csvOf(contacts: ReturnType<typeof generateContacts>): string {
  const lines = ['First Name,Last Name,Company,Email,Phone,Notes,Tags'];
  contacts.forEach((contact, index) => {
    // The generator's phones repeat every 40,000: give each row its own, so every row is created.
    const phone = `+1 ${String(2_000_000_000 + index)}`;
    lines.push([contact.firstName, contact.lastName, contact.company, contact.emails[0]!.value, phone, `"${contact.notes}"`, contact.tags.join(';')].join(','));
  });
  return `${lines.join('\n')}\n`;
}

async function rawInsert(dataDir: string, contacts: ReturnType<typeof generateContacts>): Promise<number> {
  const { db } = openDatabase(dataDir);
  await migrateToLatest(db);
  await db.destroy();
  const sqlite = new Sqlite(join(dataDir, 'ambassador.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const contact = sqlite.prepare(
    'insert into contacts (num, id, kind, first_name, last_name, company, display_name, sort_key, notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const method = sqlite.prepare('insert into contact_methods (id, contact_id, type, label, value, is_primary, position) values (?, ?, ?, ?, ?, 1, 0)');
  const tag = sqlite.prepare('insert into contact_tags (contact_id, tag, position) values (?, ?, ?)');
  const search = sqlite.prepare('insert into contacts_fts (rowid, name, company, emails, phones, tags, notes, address) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const start = performance.now();
  sqlite.transaction(() => {
    contacts.forEach((fields, index) => {
      const id = crypto.randomUUID();
      const name = `${fields.firstName} ${fields.lastName}`;
      const phone = `+1 ${String(2_000_000_000 + index)}`;
      contact.run(index + 1, id, 'person', fields.firstName, fields.lastName, fields.company, name, name.toLowerCase(), fields.notes, now, now);
      method.run(crypto.randomUUID(), id, 'email', 'home', fields.emails[0]!.value);
      method.run(crypto.randomUUID(), id, 'phone', 'mobile', phone);
      fields.tags.forEach((each, position) => tag.run(id, each, position));
      search.run(index + 1, name.toLowerCase(), fields.company.toLowerCase(), fields.emails[0]!.value, `${phone} ${phone.replace(/\D/g, '')}`, fields.tags.join(' '), fields.notes, '');
    });
  })();
  const elapsed = performance.now() - start;
  sqlite.close();
  return elapsed;
}

export async function run(): Promise<void> {
  const contacts = generateContacts(count);
  const data = makeTempDataDir('ambassador-bench-import-');
  const rawData = makeTempDataDir('ambassador-bench-import-raw-');
  try {
    const file = join(data.dir, 'contacts.csv');
    writeFileSync(file, csvOf(contacts));
    const core = await createCore({ dataDir: data.dir });
    let start = performance.now();
    const preview = await core.dispatch('transfer.previewImport', { file });
    const previewMs = performance.now() - start;
    if (!preview.ok) throw new Error(preview.error.message);
    start = performance.now();
    const imported = await core.dispatch('transfer.importContacts', { file });
    const importMs = performance.now() - start;
    if (!imported.ok) throw new Error(imported.error.message);
    const report = imported.value as { created: number; skipped: number };
    await core.close();
    const rawMs = await rawInsert(rawData.dir, contacts);
    // On a shared machine the figures scale with its load: the raw insert beside them is the yardstick.
    console.log(`\nImport: a ${count.toLocaleString('en')}-row CSV (created ${report.created.toLocaleString('en')}, skipped ${report.skipped}); load average ${loadavg()[0]!.toFixed(1)}`);
    console.table([
      { operation: 'preview (read, check, match duplicates)', 'ms': previewMs.toFixed(0) },
      { operation: 'import end to end (check, match, write, record the batch; the preview’s read reused)', 'ms': importMs.toFixed(0) },
      { operation: 'preview + import', 'ms': (previewMs + importMs).toFixed(0) },
      { operation: 'raw better-sqlite3: prepared inserts of the same rows, one transaction', 'ms': rawMs.toFixed(0) },
    ]);
  } finally {
    data.remove();
    rawData.remove();
  }
}
