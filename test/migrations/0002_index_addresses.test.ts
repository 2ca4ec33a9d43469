import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { migrations } from '../../migrations/index.ts';
import { createCore } from '../../src-main/core/core.ts';
import { databaseFileName } from '../../src-main/core/db/database.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// An address book written under the 0001 schema, as the app of that time wrote it:
// contacts with their address columns, and folded search entries without addresses.
type OldContact = { num: number; name: string; city: string | null; deleted?: boolean };

async function writeOldContacts(db: Kysely<any>, contacts: OldContact[]): Promise<void> {
  for (const contact of contacts) {
    const address = contact.city === null ? [null, null, null, null, null] : [`${contact.num} Harbor Rd`, contact.city, 'OR', '97201', 'USA'];
    await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, address_street, address_city, address_region,
      address_postal_code, address_country, created_at, updated_at, deleted_at)
      values (${contact.num}, ${`id-${contact.num}`}, 'person', ${contact.name}, ${contact.name}, ${contact.name.toLowerCase()},
      ${address[0]}, ${address[1]}, ${address[2]}, ${address[3]}, ${address[4]}, '2026-01-01', '2026-01-01', ${contact.deleted ? '2026-02-01' : null})`.execute(db);
    if (!contact.deleted) {
      await sql`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes)
        values (${contact.num}, ${contact.name.toLowerCase()}, 'harbor lane', ${`n${contact.num}@mail.example`}, '555 0100 5550100', 'buyer', 'likes tea')`.execute(db);
    }
  }
}

describe('migration 0002_index_addresses over an address book of the 0001 schema', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let db: Kysely<any>;
  let migrator: Migrator;
  beforeEach(async () => {
    data = makeTempDataDir();
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Sqlite(join(data.dir, databaseFileName)) }) });
    migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0001_create_contacts')).error).toBeUndefined();
  });
  afterEach(async () => {
    await db.destroy();
    data.remove();
  });

  const matches = async (query: string) =>
    (await sql<{ rowid: number }>`select rowid from contacts_fts where contacts_fts match ${query} order by rowid`.execute(db)).rows.map((row) => row.rowid);
  const tables = async () =>
    (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'contacts_fts%' order by name`.execute(db)).rows.map((row) => row.name);

  it('indexes the addresses of contacts already there, keeps the rest of each entry, and goes back down', async () => {
    await writeOldContacts(db, [
      { num: 1, name: 'Ada Lovelace', city: 'Portland' },
      { num: 2, name: 'Grace Hopper', city: 'Zürich' },
      { num: 3, name: 'Alan Turing', city: null },
      { num: 4, name: 'Trashed Tom', city: 'Portland', deleted: true },
    ]);
    expect(await matches('"portland"')).toEqual([]);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await matches('"portland"')).toEqual([1]);
    expect(await matches('"zurich"')).toEqual([2]);
    expect(await matches('"97201"')).toEqual([1, 2]);
    expect(await matches('"lovelace"')).toEqual([1]);
    expect(await matches('"5550100" AND "tea" AND "harbor lane" AND "buyer"')).toEqual([1, 2, 3]);
    const grace = await sql`select name, address from contacts_fts where rowid = 2`.execute(db);
    expect(grace.rows).toEqual([{ name: 'grace hopper', address: '2 harbor rd zurich or 97201 usa' }]);
    expect(await tables()).toContain('contacts_fts');
    expect((await tables()).filter((name) => name.startsWith('contacts_fts_0'))).toEqual([]);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await matches('"lovelace"')).toEqual([1]);
    expect(await matches('"portland"')).toEqual([]);
    const columns = await sql<{ name: string }>`select name from pragma_table_info('contacts_fts')`.execute(db);
    expect(columns.rows.map((row) => row.name)).toEqual(['name', 'company', 'emails', 'phones', 'tags', 'notes']);
    expect((await tables()).filter((name) => name.startsWith('contacts_fts_0'))).toEqual([]);
  });

  it('carries over an address book larger than one batch', async () => {
    const many = Array.from({ length: 1234 }, (_, index) => ({ num: index + 1, name: `Person ${index + 1}`, city: index % 2 === 0 ? 'Salem' : 'Bend' }));
    await db.transaction().execute((trx) => writeOldContacts(trx, many));
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect((await matches('"salem"')).length).toBe(617);
    expect((await matches('"bend"')).length).toBe(617);
    const count = await sql<{ count: number }>`select count(*) as count from contacts_fts`.execute(db);
    expect(count.rows[0]?.count).toBe(1234);
  });

  it('lets the app find old contacts by their city once it starts', async () => {
    await writeOldContacts(db, [
      { num: 1, name: 'Ada Lovelace', city: 'Portland' },
      { num: 2, name: 'Grace Hopper', city: 'Zürich' },
    ]);
    await db.destroy();
    const core = await createCore({ dataDir: data.dir, checkOutputs: true });
    try {
      const search = async (query: string) => {
        const result = await core.dispatch('contacts.search', { query });
        if (!result.ok) throw new Error(result.error.message);
        return (result.value as ContactSummary[]).map((hit) => hit.displayName);
      };
      expect(await search('Portland')).toEqual(['Ada Lovelace']);
      expect(await search('zurich')).toEqual(['Grace Hopper']);
      expect(await search('Grace Zürich')).toEqual(['Grace Hopper']);
    } finally {
      await core.close();
    }
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Sqlite(join(data.dir, databaseFileName)) }) });
  });
});
