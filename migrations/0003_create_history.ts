import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// Every interaction with a contact, the words in it, each contact's last
// interaction (for "losing touch") and the business's settings.

export async function up(db: Kysely<any>): Promise<void> {
  // `num` is the integer key the search index joins on, as for contacts.
  await db.schema
    .createTable('interactions')
    .addColumn('num', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction in ('inbound', 'outbound')`))
    .addColumn('channel', 'text')
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
    // A JSON array of the reason tags, in the order the user gave them.
    .addColumn('reasons', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('outcome', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('minutes', 'integer', (col) => col.notNull().check(sql`minutes >= 0`))
    .addColumn('cost_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`cost_cents >= 0`))
    .addColumn('cost_to_serve_cents', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('referred_by_id', 'text', (col) => col.references('contacts.id').onDelete('set null'))
    // No reference: the follow-ups table comes in a later migration.
    .addColumn('followup_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  // A contact's timeline, newest first, and its last interaction.
  await sql`create index interactions_by_contact on interactions (contact_id, occurred_at, id) where deleted_at is null`.execute(db);
  await sql`create index interactions_by_referrer on interactions (referred_by_id) where referred_by_id is not null`.execute(db);
  await sql`create index interactions_by_followup on interactions (followup_id) where followup_id is not null`.execute(db);

  await sql`create virtual table interactions_fts using fts5(
    summary, outcome, reasons,
    tokenize = 'trigram remove_diacritics 1'
  )`.execute(db);

  // The newest occurred_at of the contact's live interactions; null when none.
  await db.schema.alterTable('contacts').addColumn('last_interaction_at', 'text').execute();
  await sql`create index contacts_by_last_interaction on contacts (last_interaction_at)
    where deleted_at is null and keep_in_touch_days is not null`.execute(db);

  // One row per setting the user changed, its value as JSON; the rest keep their defaults.
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  await sql`drop index contacts_by_last_interaction`.execute(db);
  await db.schema.alterTable('contacts').dropColumn('last_interaction_at').execute();
  await sql`drop table interactions_fts`.execute(db);
  await db.schema.dropTable('interactions').execute();
}
