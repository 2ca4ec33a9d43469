import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, openBefore, type MigrationUnderTest } from './migration-template.ts';

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

const name = '0002_index_addresses';

const matches = async (db: Kysely<any>, query: string) =>
  (await sql<{ rowid: number }>`select rowid from contacts_fts where contacts_fts match ${query} order by rowid`.execute(db)).rows.map((row) => row.rowid);
const tables = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'contacts_fts%' order by name`.execute(db)).rows.map((row) => row.name);

describe('migration 0002_index_addresses over an address book of the 0001 schema', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('indexes the addresses of contacts already there, keeps the rest of each entry, and goes back down', async () => {
    migration = await migrateFilled(name, async (db) => {
      await writeOldContacts(db, [
        { num: 1, name: 'Ada Lovelace', city: 'Portland' },
        { num: 2, name: 'Grace Hopper', city: 'Zürich' },
        { num: 3, name: 'Alan Turing', city: null },
        { num: 4, name: 'Trashed Tom', city: 'Portland', deleted: true },
      ]);
      expect(await matches(db, '"portland"')).toEqual([]);
    });
    const { db } = migration;

    expect(await matches(db, '"portland"')).toEqual([1]);
    expect(await matches(db, '"zurich"')).toEqual([2]);
    expect(await matches(db, '"97201"')).toEqual([1, 2]);
    expect(await matches(db, '"lovelace"')).toEqual([1]);
    expect(await matches(db, '"5550100" AND "tea" AND "harbor lane" AND "buyer"')).toEqual([1, 2, 3]);
    const grace = await sql`select name, address from contacts_fts where rowid = 2`.execute(db);
    expect(grace.rows).toEqual([{ name: 'grace hopper', address: '2 harbor rd zurich or 97201 usa' }]);
    expect(await tables(db)).toContain('contacts_fts');
    expect((await tables(db)).filter((table) => table.startsWith('contacts_fts_0'))).toEqual([]);

    await migration.migrateDown();
    expect(await matches(db, '"lovelace"')).toEqual([1]);
    expect(await matches(db, '"portland"')).toEqual([]);
    const columns = await sql<{ name: string }>`select name from pragma_table_info('contacts_fts')`.execute(db);
    expect(columns.rows.map((row) => row.name)).toEqual(['name', 'company', 'emails', 'phones', 'tags', 'notes']);
    expect((await tables(db)).filter((table) => table.startsWith('contacts_fts_0'))).toEqual([]);
  });

  it('carries over an address book larger than one batch', async () => {
    const many = Array.from({ length: 1234 }, (_, index) => ({ num: index + 1, name: `Person ${index + 1}`, city: index % 2 === 0 ? 'Salem' : 'Bend' }));
    migration = await migrateFilled(name, (db) => db.transaction().execute((trx) => writeOldContacts(trx, many)));
    const { db } = migration;
    expect((await matches(db, '"salem"')).length).toBe(617);
    expect((await matches(db, '"bend"')).length).toBe(617);
    const count = await sql<{ count: number }>`select count(*) as count from contacts_fts`.execute(db);
    expect(count.rows[0]?.count).toBe(1234);
  });

  it('lets the app find old contacts by their city once it starts', async () => {
    // Here the app's start runs the migration, so the template stops at the old schema.
    migration = await openBefore(name);
    await writeOldContacts(migration.db, [
      { num: 1, name: 'Ada Lovelace', city: 'Portland' },
      { num: 2, name: 'Grace Hopper', city: 'Zürich' },
    ]);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true });
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
  });
});
