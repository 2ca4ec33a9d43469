import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// Follow-ups: what to do for a contact on a calendar day. Dates are local
// `YYYY-MM-DD` text (never shifted by a time zone), so they compare as text.
// A recurring one keeps its anchor (the first due date) and its step k: the
// next is anchor + (k + 1) × every, so 31 Jan monthly goes 28 Feb, 31 Mar.
// `announced_at` is when the scheduler announced it as due: set once, so a
// restart neither repeats nor loses an announcement.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('followups')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('due_time', 'text')
    .addColumn('prompt', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('recurrence_every', 'integer')
    .addColumn('recurrence_unit', 'text')
    .addColumn('recurrence_anchor', 'text')
    .addColumn('recurrence_step', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
    .addColumn('snoozed_from', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('interaction_id', 'text')
    .addColumn('announced_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // Today's sections and the sidebar counts read open follow-ups by due date.
  await sql`create index followups_open_by_due on followups (due_date, due_time)
    where status = 'open' and deleted_at is null`.execute(db);
  // The scheduler's question: the next open follow-up not yet announced.
  await sql`create index followups_unannounced on followups (due_date, due_time)
    where status = 'open' and deleted_at is null and announced_at is null`.execute(db);
  await sql`create index followups_by_contact on followups (contact_id, due_date)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('followups').execute();
}
