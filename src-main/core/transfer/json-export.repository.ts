import { sql, type Kysely } from 'kysely';
import { insertMany } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';

// The JSON export reads and writes tables it does not know by name: whatever the
// migrations made. Names come from sqlite_master, never from the user.

/** FTS5 keeps its index in tables named after the virtual table with these endings. */
const shadowEndings = ['_data', '_idx', '_content', '_docsize', '_config'];
/** A search's prefix keys (contact_search_keys) are an index too: rebuilt from the data with the full-text index. */
const searchKeys = /_search_keys$/;

/**
 * Every table that holds the user's data, by name: SQLite's own tables, the
 * migrations' bookkeeping, and the search indexes (virtual tables and their
 * shadow tables, rebuilt from the data) are left out.
 */
export async function dataTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table'
    and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_migration%' escape '\\' order by name`.execute(db);
  const virtual = rows.filter((row) => /^create virtual table/i.test(row.sql ?? '')).map((row) => row.name);
  const shadow = (name: string) => virtual.some((table) => shadowEndings.some((ending) => name === `${table}${ending}`));
  return rows.filter((row) => !virtual.includes(row.name) && !shadow(row.name) && !searchKeys.test(row.name)).map((row) => row.name);
}

export async function columnsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
  return rows.map((row) => row.name);
}

/** A table's rows as values in `columns` order, in the order they were stored. */
export async function readRows(db: Kysely<Database>, table: string, columns: string[]): Promise<unknown[][]> {
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(columns.map((column) => sql.ref(column)))} from ${sql.table(table)} order by rowid`.execute(db);
  return rows.map((row) => columns.map((column) => row[column]));
}

export async function countRows(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`select count(*) as count from ${sql.table(table)}`.execute(db);
  return rows[0]?.count ?? 0;
}

/** The last migration applied: the export's schema version. */
export async function latestMigration(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? '';
}

/**
 * A value from the file as SQLite would store its JSON (what the bulk path took
 * before it bound values one by one): true and false as 1 and 0, arrays and
 * objects as their JSON text, a missing value as null.
 */
function asStored(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value;
}

export async function writeRows(db: Kysely<Database>, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  await insertMany(db as Kysely<unknown>, table, columns, rows.map((row) => columns.map((_, index) => asStored(row[index]))));
}

/** References are checked at commit, so tables load in any order (a contact's company may come after it). */
export async function deferReferences(db: Kysely<Database>): Promise<void> {
  await sql`pragma defer_foreign_keys = on`.execute(db);
}
