import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBefore, type MigrationUnderTest } from './migration-template.ts';

describe('migration 0001_create_contacts on an empty database', () => {
  // The first migration has no schema before it: the template hands over an empty file.
  let migration: MigrationUnderTest;
  beforeEach(async () => {
    migration = await openBefore('0001_create_contacts');
  });
  afterEach(() => migration.remove());

  const tables = async () =>
    (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' and name not like 'contacts_fts_%' order by name`.execute(migration.db)).rows.map(
      (row) => row.name,
    );

  it('creates the contact tables and the search index, and drops them on the way down', async () => {
    const { db } = migration;
    expect(await tables()).toEqual([]);
    await migration.migrate();
    expect(await tables()).toEqual(['contact_methods', 'contact_tags', 'contacts', 'contacts_fts']);

    await sql`insert into contacts (id, kind, display_name, sort_key, created_at, updated_at) values ('a', 'person', 'Ada', 'ada', 'now', 'now')`.execute(db);
    await sql`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes) values (1, 'Ada Lovelace', '', '', '', '', '')`.execute(db);
    const hits = await sql<{ rowid: number }>`select rowid from contacts_fts where contacts_fts match '"ovel"'`.execute(db);
    expect(hits.rows).toEqual([{ rowid: 1 }]);
    await expect(sql`insert into contacts (id, kind, display_name, sort_key, created_at, updated_at) values ('b', 'robot', 'R', 'r', 'now', 'now')`.execute(db)).rejects.toThrow(/CHECK/);

    await migration.migrateDown();
    expect(await tables()).toEqual([]);
    await migration.migrate();
    expect(await tables()).toEqual(['contact_methods', 'contact_tags', 'contacts', 'contacts_fts']);
  });
});
