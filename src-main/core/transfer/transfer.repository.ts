import { sql, type Kysely } from 'kysely';
import { dirname } from 'node:path';
import { insertMany } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';
import type { ImportBatchContactRow, ImportBatchRow } from './transfer.table.ts';

export async function insertBatch(db: Kysely<Database>, row: ImportBatchRow): Promise<void> {
  await db.insertInto('import_batches').values(row).execute();
}

/** Every contact of a batch in multi-row INSERTs: an import of 100,000 writes 100,000 of these. */
export async function insertBatchContacts(db: Kysely<Database>, rows: ImportBatchContactRow[]): Promise<void> {
  const columns = ['batch_id', 'contact_id', 'outcome', 'before'] as const;
  await insertMany(db as Kysely<unknown>, 'import_batch_contacts', columns, rows.map((row) => columns.map((column) => row[column])));
}

export async function findBatch(db: Kysely<Database>, id: string): Promise<ImportBatchRow | undefined> {
  return db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBatches(db: Kysely<Database>): Promise<ImportBatchRow[]> {
  return db.selectFrom('import_batches').selectAll().orderBy('imported_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findBatchContacts(db: Kysely<Database>, batchId: string): Promise<ImportBatchContactRow[]> {
  return db.selectFrom('import_batch_contacts').selectAll().where('batch_id', '=', batchId).execute();
}

export async function markBatchUndone(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('import_batches').set({ undone_at: at }).where('id', '=', id).execute();
}

/** The folder that holds the database file: where the exports folder goes. */
export async function databaseFolder(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const main = rows.find((row) => row.name === 'main');
  if (!main?.file) throw new Error('The database has no file (an in-memory database): there is no data folder to export to.');
  return dirname(main.file);
}
