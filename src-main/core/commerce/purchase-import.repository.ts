import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PurchaseImportRow } from './commerce.table.ts';

const idsIn = (ids: string[]) => sql<string>`(select value from json_each(${JSON.stringify(ids)}))`;

export async function insertImportBatch(db: Kysely<Database>, row: PurchaseImportRow): Promise<void> {
  await db.insertInto('purchase_imports').values(row).execute();
}

export async function insertImportContacts(db: Kysely<Database>, batchId: string, contactIds: string[]): Promise<void> {
  for (let start = 0; start < contactIds.length; start += 5_000) {
    const chunk = contactIds.slice(start, start + 5_000);
    await sql`insert into purchase_import_contacts (batch_id, contact_id) select ${batchId}, value from json_each(${JSON.stringify(chunk)})`.execute(db);
  }
}

export async function findImportBatch(db: Kysely<Database>, id: string): Promise<PurchaseImportRow | undefined> {
  return db.selectFrom('purchase_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findImportBatches(db: Kysely<Database>): Promise<PurchaseImportRow[]> {
  return db.selectFrom('purchase_imports').selectAll().orderBy('imported_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findImportContacts(db: Kysely<Database>, batchId: string): Promise<string[]> {
  return (await db.selectFrom('purchase_import_contacts').select('contact_id').where('batch_id', '=', batchId).execute()).map((row) => row.contact_id);
}

export async function markImportUndone(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('purchase_imports').set({ undone_at: at }).where('id', '=', id).execute();
}

/** Removes the purchases a batch added; returns the ids and their contacts. */
export async function deleteBatchPurchases(db: Kysely<Database>, batchId: string): Promise<Array<{ id: string; contact_id: string }>> {
  return db.deleteFrom('purchases').where('import_batch_id', '=', batchId).returning(['id', 'contact_id']).execute();
}

/**
 * Of these contacts an import made, those that gained something since: an
 * interaction, a purchase not from the batch, or an edit after
 * `importedAt` (the batch wrote them at that time).
 */
export async function contactsWithOtherData(db: Kysely<Database>, contactIds: string[], batchId: string, importedAt: string): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const ids = idsIn(contactIds);
  const rows = await sql<{ id: string }>`
    select id from contacts where id in ${ids} and updated_at > ${importedAt}
    union select contact_id from interactions where contact_id in ${ids}
    union select contact_id from purchases where contact_id in ${ids} and (import_batch_id is null or import_batch_id != ${batchId})`.execute(db);
  return new Set(rows.rows.map((row) => row.id));
}
