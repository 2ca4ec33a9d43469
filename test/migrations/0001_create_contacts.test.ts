import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

describe('migration 0001_create_contacts on an empty database', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let db: Kysely<any>;
  beforeEach(() => {
    data = makeTempDataDir();
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Sqlite(join(data.dir, 'm.sqlite')) }) });
  });
  afterEach(async () => {
    await db.destroy();
    data.remove();
  });

  const tables = async () =>
    (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' and name not like 'contacts_fts_%' order by name`.execute(db)).rows.map(
      (row) => row.name,
    );

  it('creates the contact tables and the search index, and drops them on the way down', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await tables()).toEqual(['contact_methods', 'contact_tags', 'contacts', 'contacts_fts']);

    await sql`insert into contacts (id, kind, display_name, sort_key, created_at, updated_at) values ('a', 'person', 'Ada', 'ada', 'now', 'now')`.execute(db);
    await sql`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes) values (1, 'Ada Lovelace', '', '', '', '', '')`.execute(db);
    const hits = await sql<{ rowid: number }>`select rowid from contacts_fts where contacts_fts match '"ovel"'`.execute(db);
    expect(hits.rows).toEqual([{ rowid: 1 }]);
    await expect(sql`insert into contacts (id, kind, display_name, sort_key, created_at, updated_at) values ('b', 'robot', 'R', 'r', 'now', 'now')`.execute(db)).rejects.toThrow(/CHECK/);

    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect(await tables()).toEqual([]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await tables()).toEqual(['contact_methods', 'contact_tags', 'contacts', 'contacts_fts']);
  });
});
