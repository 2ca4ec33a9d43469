import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// Every contact import is one batch, and every merge of two contacts one record,
// each holding what it needs to be undone exactly: the contacts a batch created
// (undo puts them in the Trash) and the before-state, as JSON, of each contact it
// merged into; for a merge, both contacts' before-states and what moved over.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull().check(sql`format in ('csv', 'vcard')`))
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('created', 'integer', (col) => col.notNull())
    .addColumn('merged', 'integer', (col) => col.notNull())
    .addColumn('skipped', 'integer', (col) => col.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await sql`create index import_batches_by_time on import_batches (imported_at, id)`.execute(db);

  await db.schema
    .createTable('import_batch_contacts')
    .addColumn('batch_id', 'text', (col) => col.notNull().references('import_batches.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('created', 'merged')`))
    // The merged contact as it was before the import (JSON); null for one the import created.
    .addColumn('before', 'text')
    .addPrimaryKeyConstraint('import_batch_contacts_pk', ['batch_id', 'contact_id'])
    .execute();
  // Deleting a contact for good looks here (the cascade): without it, a scan of every import.
  await sql`create index import_batch_contacts_by_contact on import_batch_contacts (contact_id)`.execute(db);

  await db.schema
    .createTable('contact_merges')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kept_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('merged_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('merged_name', 'text', (col) => col.notNull())
    .addColumn('merged_at', 'text', (col) => col.notNull())
    .addColumn('undone_at', 'text')
    // JSON: what moved over (counts, and the ids of the interactions, follow-ups and linked people that moved).
    .addColumn('moved', 'text', (col) => col.notNull())
    // JSON: each contact as it was before the merge.
    .addColumn('kept_before', 'text', (col) => col.notNull())
    .addColumn('merged_before', 'text', (col) => col.notNull())
    .execute();
  await sql`create index contact_merges_by_kept on contact_merges (kept_id, merged_at)`.execute(db);
  await sql`create index contact_merges_by_merged on contact_merges (merged_id, merged_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_merges').execute();
  await db.schema.dropTable('import_batch_contacts').execute();
  await db.schema.dropTable('import_batches').execute();
}
