import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { migrations as ambassadorMigrations } from '../../migrations/index.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The template for a migration's test: a database built by the real migrations
// up to the one before, filled as the app of that time filled it, then this one
// run the way a start of the new version runs it. Only migrations up to the one
// under test run, so its test still means the same once later ones land.

export type MigrationUnderTest = {
  /** The database, opened as the core opens it (pragmas, dialect); the schema is the old one until `migrate`. */
  db: Kysely<any>;
  /** The folder that holds the database file, for a core started on it. */
  dataDir: string;
  /** Runs the migration under test with the core's own runner. */
  migrate: () => Promise<void>;
  /** Runs its `down` with kysely's Migrator, which reads the same record. */
  migrateDown: () => Promise<void>;
  /** Closes the connection, so a core can open the file; safe to call twice. */
  close: () => Promise<void>;
  /** Closes the connection and deletes the folder. */
  remove: () => Promise<void>;
};

type Migrations = Record<string, Migration>;

function migrationsUpTo(migrations: Migrations, name: string, inclusive: boolean): Migrations {
  const names = Object.keys(migrations).sort();
  const index = names.indexOf(name);
  if (index === -1) throw new Error(`No migration is named ${name}: it must be listed in migrations/index.ts.`);
  return Object.fromEntries(names.slice(0, inclusive ? index + 1 : index).map((each) => [each, migrations[each]!]));
}

/**
 * A database at the migration before `name`, built by the real migrations
 * (`migrations` is for the template's own test).
 */
export async function openBefore(name: string, migrations: Migrations = ambassadorMigrations): Promise<MigrationUnderTest> {
  const upToThis = migrationsUpTo(migrations, name, true);
  const data = makeTempDataDir('ambassador-migration-');
  const { db } = openDatabase(data.dir);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
  };
  try {
    await migrateToLatest(db, migrationsUpTo(migrations, name, false));
  } catch (error) {
    await close();
    data.remove();
    throw error;
  }
  return {
    db,
    dataDir: data.dir,
    migrate: () => migrateToLatest(db, upToThis),
    migrateDown: async () => {
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => upToThis } }).migrateDown();
      if (error) throw error;
    },
    close,
    remove: async () => {
      await close();
      data.remove();
    },
  };
}

/**
 * The template: the schema before `name`, filled by `fill` with data of that
 * schema, then `name` run. Hands over the migrated database and what `fill`
 * returned.
 */
export async function migrateFilled<T>(
  name: string,
  fill: (db: Kysely<any>) => Promise<T>,
  migrations: Migrations = ambassadorMigrations,
): Promise<MigrationUnderTest & { filled: T }> {
  const migration = await openBefore(name, migrations);
  try {
    const filled = await fill(migration.db);
    await migration.migrate();
    return { ...migration, filled };
  } catch (error) {
    await migration.remove();
    throw error;
  }
}
