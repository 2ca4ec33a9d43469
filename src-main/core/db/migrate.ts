import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { migrations as ambassadorMigrations } from '../../../migrations/index.ts';
import { DatabaseOpenError } from './open-errors.ts';

// The bookkeeping tables and columns of kysely's Migrator, which migrated every
// database made before this runner: both keep reading the same record.
const createBookkeeping = [
  sql`create table if not exists "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null)`,
  sql`create table if not exists "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null)`,
  sql`insert or ignore into "kysely_migration_lock" ("id", "is_locked") values ('migration_lock', 0)`,
];

const firstMigration = '0001_create_contacts';

async function appliedMigrations(db: Kysely<any>): Promise<{ names: Set<string>; latest: string }> {
  const table = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db);
  if (table.rows[0]!.n === 0) return { names: new Set(), latest: '' };
  const rows = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration`.execute(db);
  return { names: new Set(rows.rows.map((row) => row.name)), latest: rows.rows.reduce((max, row) => (row.timestamp > max ? row.timestamp : max), '') };
}

/**
 * kysely's Migrator orders applied migrations by timestamp: never record one
 * before the last, even when the clock went back.
 */
function nextTimestamp(latest: string): string {
  const last = latest ? Date.parse(latest) : 0;
  return new Date(Math.max(Date.now(), Number.isNaN(last) ? 0 : last + 1)).toISOString();
}

/**
 * Before this runner, kysely's Migrator ran 0001 outside a transaction: a kill
 * during a first start left some of its tables, empty and unrecorded, and every
 * later start failed. Empty, they hold nothing of the user's: drop them so 0001
 * runs again in full. Any row in them and they stay, and 0001 fails as before.
 */
async function dropWhatAKilledFirstStartLeft(trx: Kysely<any>): Promise<void> {
  const leftovers = ['contacts_fts', 'contact_tags', 'contact_methods', 'contacts'];
  const found = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name in (${sql.join(leftovers)})`.execute(trx);
  const tables = leftovers.filter((table) => found.rows.some((row) => row.name === table));
  for (const table of tables) {
    const rows = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
    if (rows.rows[0]!.n > 0) return;
  }
  for (const table of tables) await sql`drop table ${sql.table(table)}`.execute(trx);
}

/**
 * Brings the schema up to date. kysely's own Migrator runs SQLite DDL outside a
 * transaction, so a kill halfway through a migration left its first tables
 * behind and every later start failed. Here each migration and its row in
 * kysely_migration commit in one transaction (SQLite's DDL is transactional):
 * a migration is applied entirely or not at all, and a failed one leaves the
 * file at the version before it.
 */
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration> = ambassadorMigrations): Promise<void> {
  const names = Object.keys(migrations).sort();
  const before = await appliedMigrations(db);
  if ([...before.names].some((name) => !names.includes(name))) {
    throw new DatabaseOpenError('This database was made by a newer version of Ambassador: update Ambassador to open it.');
  }
  for (const name of names) {
    if (before.names.has(name)) continue;
    await db.transaction().execute(async (trx) => {
      for (const statement of createBookkeeping) await statement.execute(trx);
      // Another Ambassador starting on the same folder may have got here first.
      const applied = await appliedMigrations(trx);
      if (applied.names.has(name)) return;
      if (name === firstMigration && applied.names.size === 0) await dropWhatAKilledFirstStartLeft(trx);
      await migrations[name]!.up(trx);
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${nextTimestamp(applied.latest)})`.execute(trx);
    });
  }
}
