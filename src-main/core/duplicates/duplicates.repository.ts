import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ContactMergeRow } from './duplicates.table.ts';

export async function insertMerge(db: Kysely<Database>, row: ContactMergeRow): Promise<void> {
  await db.insertInto('contact_merges').values(row).execute();
}

export async function findMerge(db: Kysely<Database>, id: string): Promise<ContactMergeRow | undefined> {
  return db.selectFrom('contact_merges').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMergeUndone(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('contact_merges').set({ undone_at: at }).where('id', '=', id).execute();
}

/** Merges a contact took part in, kept or merged, newest first. */
export async function findMergesOf(db: Kysely<Database>, contactId: string): Promise<ContactMergeRow[]> {
  return db
    .selectFrom('contact_merges')
    .selectAll()
    .where((eb) => eb.or([eb('kept_id', '=', contactId), eb('merged_id', '=', contactId)]))
    .orderBy('merged_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
