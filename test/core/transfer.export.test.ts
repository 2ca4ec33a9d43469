import { migrations } from '../../migrations/index.ts';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import type { HistoryHit } from '../../shared/history/history.schemas.ts';
import type { ExportedFile, ImportReport } from '../../shared/transfer/transfer.schemas.ts';
import { JsonExport } from '../../shared/transfer/json-export.schema.ts';
import { closeDatabase, openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { loadJsonExport } from '../../src-main/core/transfer/transfer.service.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { csvOf, header, openTransferCore, type TransferCore } from './transfer-core.ts';

const opened: Array<{ close: () => Promise<void> }> = [];
const open = async () => {
  const api = await openTransferCore();
  opened.push(api);
  return api;
};
afterEach(async () => {
  for (const api of opened.splice(0)) await api.close();
});

const exportTo = async (api: TransferCore, input: object) => api.value<ExportedFile>(await api.call('transfer.exportContacts', input));

/** What a person would compare between two address books. */
const book = async (api: TransferCore) => {
  const page = api.value<{ items: ContactSummary[] }>(await api.call('contacts.list', { limit: 1000 }));
  const contacts = await Promise.all(page.items.map((item) => api.get(item.id)));
  return contacts.map((contact: Contact) => ({
    kind: contact.kind,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    emails: contact.emails.map((email) => email.value),
    phones: contact.phones.map((phone) => phone.value),
    notes: contact.notes,
    tags: contact.tags,
  }));
};

async function fill(api: TransferCore): Promise<void> {
  await api.create({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }], phones: [{ value: '+44 20 7946 0958' }], notes: 'Notes, with "quotes"\nand a second line', tags: ['math', 'vip'] });
  await api.create({ firstName: 'Émile', lastName: 'Zola', emails: [{ value: 'emile@aurore.fr' }], notes: '=cmd|calc', tags: ['writer'] });
  await api.create({ firstName: 'Grace', lastName: 'Hopper', company: 'Navy', phones: [{ value: '555-0100' }] });
}

describe('transfer.exportContacts', () => {
  it.each(['csv', 'vcard'] as const)('%s: export then import into an empty address book gives the same contacts', async (format) => {
    const from = await open();
    await fill(from);
    const to = join(from.dir, `out.${format === 'csv' ? 'csv' : 'vcf'}`);
    const exported = await exportTo(from, { format, to });
    expect(exported).toEqual({ path: to, fileName: `out.${format === 'csv' ? 'csv' : 'vcf'}`, format, contacts: 3, sizeBytes: statSync(to).size });

    const into = await open();
    const report = into.value<ImportReport>(await into.call('transfer.importContacts', { file: to }));
    expect(report).toMatchObject({ total: 3, created: 3, skipped: 0 });
    expect(await book(into)).toEqual(await book(from));
  });

  it('writes into the exports folder beside the data file when no file is chosen, never leaving a partial file', async () => {
    const api = await open();
    await fill(api);
    const exported = await exportTo(api, { format: 'csv' });
    expect(exported.fileName).toMatch(/^Ambassador-contacts-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    expect(exported.path).toBe(join(api.dir, 'exports', exported.fileName));
    expect(readdirSync(join(api.dir, 'exports'))).toEqual([exported.fileName]);
  });

  it('includes the Trash only when asked', async () => {
    const api = await open();
    await fill(api);
    const [first] = api.value<{ items: ContactSummary[] }>(await api.call('contacts.list', {})).items;
    api.value(await api.call('contacts.delete', { id: first!.id }));
    expect((await exportTo(api, { format: 'csv', to: join(api.dir, 'a.csv') })).contacts).toBe(2);
    expect((await exportTo(api, { format: 'csv', to: join(api.dir, 'b.csv'), includeTrash: true })).contacts).toBe(3);
  });

  it('says so when the chosen folder cannot be written', async () => {
    const api = await open();
    const to = join(api.dir, 'no-such-folder', 'x.csv');
    expect(await api.refusal('transfer.exportContacts', { format: 'csv', to })).toMatchObject({
      code: 'VALIDATION',
      message: `Ambassador cannot write ${to}: that folder does not exist. Choose another one.`,
    });
  });
});

/** The tables a full export must hold, found independently of the exporter: every table but SQLite's, the migrations' and the search indexes (full-text and prefix keys). */
function schemaTables(api: TransferCore): string[] {
  const tables = api.raw<{ name: string; sql: string }>(`select name, sql from sqlite_master where type = 'table' order by name`);
  const virtual = tables.filter((table) => /virtual/i.test(table.sql)).map((table) => table.name);
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith('sqlite_') && !name.startsWith('kysely_migration') && name !== 'contact_search_keys' && !virtual.some((table) => name === table || name.startsWith(`${table}_`)));
}

async function fillEverything(api: TransferCore): Promise<void> {
  await fill(api);
  const [ada] = api.value<ContactSummary[]>(await api.call('contacts.search', { query: 'ada lovelace' }));
  api.value(await api.call('history.log', { contactId: ada!.id, kind: 'call', occurredAt: '2026-11-30T09:00:00.000Z', summary: 'Analytical engine' }));
  api.value(await api.call('followups.create', { contactId: ada!.id, kind: 'call', title: 'Call back', dueDate: '2026-12-10' }));
  api.value(await api.call('settings.update', { hourlyCostCents: 4200 }));
  const imported = api.value<ImportReport>(await api.call('transfer.importContacts', { file: api.file(csvOf([header, ['Alan', 'Turing', '', 'alan@bletchley.uk', '', '', '']])) }));
  const other = await api.create({ firstName: 'Alan', lastName: 'T', emails: [{ value: 'alan@t.uk' }] });
  api.value(await api.call('duplicates.merge', { keepId: imported.rows[0]!.contactId, mergeId: other.id }));
}

describe('the full JSON export', () => {
  it('holds every table of the database, with the schema version', async () => {
    const api = await open();
    await fillEverything(api);
    const exported = await exportTo(api, { format: 'json' });
    expect(exported.fileName).toMatch(/\.json$/);
    const json = JsonExport.parse(JSON.parse(readFileSync(exported.path, 'utf8')));
    const tables = schemaTables(api);
    expect(tables).toEqual(expect.arrayContaining(['contacts', 'contact_methods', 'contact_tags', 'interactions', 'followups', 'settings', 'import_batches', 'contact_merges']));
    for (const table of tables) expect(Object.keys(json.tables), `table ${table} is missing from the JSON export`).toContain(table);
    expect(json).toMatchObject({ format: 'ambassador-export', version: 1, schemaVersion: Object.keys(migrations).sort().at(-1) });
    expect(json.tables.contacts!.rows).toHaveLength(exported.contacts);
  });

  it('loads into an empty database and exports again byte for byte the same; search works on what was loaded', async () => {
    const api = await open();
    await fillEverything(api);
    const first = await exportTo(api, { format: 'json', to: join(api.dir, 'first.json') });

    const target = makeTempDataDir('ambassador-load-');
    try {
      const database = openDatabase(target.dir);
      await migrateToLatest(database.db);
      expect(await loadJsonExport(database.db, first.path)).toMatchObject({ contacts: 5 });
      await expect(loadJsonExport(database.db, first.path)).rejects.toThrow(/already holds data/);
      await closeDatabase(database);

      const loaded = await openTransferCore({ data: target });
      opened.push(loaded);
      const { path } = await exportTo(loaded, { format: 'json', to: join(loaded.dir, 'second.json') });
      // Both cores run on the same fixed clock, so even the export time matches.
      expect(readFileSync(path, 'utf8')).toBe(readFileSync(first.path, 'utf8'));
      const found = loaded.value<ContactSummary[]>(await loaded.call('contacts.search', { query: 'lovelace' }));
      expect(found.map((contact) => contact.displayName)).toEqual(['Ada Lovelace']);
      const hits = loaded.value<HistoryHit[]>(await loaded.call('history.search', { query: 'analytical' }));
      expect(hits).toHaveLength(1);
    } finally {
      target.remove();
    }
  });

  it('refuses a file that is not an export, or one from a newer Ambassador, and loads nothing', async () => {
    const target = makeTempDataDir('ambassador-load-');
    const database = openDatabase(target.dir);
    try {
      await migrateToLatest(database.db);
      const garbage = join(target.dir, 'garbage.json');
      writeFileSync(garbage, '{"format": "ambassador-export", "version": 1, "tab');
      await expect(loadJsonExport(database.db, garbage)).rejects.toThrow(/is not an Ambassador JSON export: it is not JSON/);
      const newer = join(target.dir, 'newer.json');
      writeFileSync(newer, JSON.stringify({ format: 'ambassador-export', version: 2, schemaVersion: '0099_future', exportedAt: '', tables: {} }));
      await expect(loadJsonExport(database.db, newer)).rejects.toThrow(/made by a newer Ambassador/);
      expect(existsSync(join(target.dir, 'ambassador.sqlite'))).toBe(true);
    } finally {
      await closeDatabase(database);
      target.remove();
    }
  });
});
