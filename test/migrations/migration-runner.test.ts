import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { migrations } from '../../migrations/index.ts';
import { withSecondMigration } from '../core/fake-second-migration.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// Databases made before the transactional runner were migrated by kysely's
// Migrator: both must keep reading the same kysely_migration record.
describe('the migration runner and kysely’s Migrator', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let file: string;
  const withKysely = () => new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Sqlite(file) }) });
  beforeEach(() => {
    data = makeTempDataDir();
    file = join(data.dir, 'ambassador.sqlite');
  });
  afterEach(() => data.remove());

  it('opens a database kysely’s Migrator made, marks it as Ambassador’s, and records the next migration where kysely reads it', async () => {
    const old = withKysely();
    expect((await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateToLatest()).error).toBeUndefined();
    await old.destroy();
    const raw = new Sqlite(file);
    raw.exec(`pragma journal_mode = wal; insert into contacts (id, kind, display_name, sort_key, created_at, updated_at) values ('c1', 'person', 'Ada', 'ada', 'now', 'now')`);
    expect(raw.pragma('application_id', { simple: true })).toBe(0);
    raw.close();

    const core = await createCore({ dataDir: data.dir });
    const page = await core.dispatch('contacts.list', {});
    expect(page.ok && (page.value as ContactListPage).items.map((contact) => contact.displayName)).toEqual(['Ada']);
    await core.close();

    const { db } = openDatabase(data.dir);
    await migrateToLatest(db, withSecondMigration);
    await db.destroy();

    const after = withKysely();
    const migrator = new Migrator({ db: after, provider: { getMigrations: async () => withSecondMigration } });
    const seen = await migrator.getMigrations();
    expect(seen.map((migration) => [migration.name, migration.executedAt instanceof Date])).toEqual(
      Object.keys(withSecondMigration).map((name) => [name, true]),
    );
    expect(await migrator.migrateToLatest()).toEqual({ results: [] });
    await after.destroy();
    const check = new Sqlite(file, { readonly: true });
    expect(check.pragma('application_id', { simple: true })).toBe(0x414d4241);
    check.close();
  });
});
