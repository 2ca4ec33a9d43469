import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// Follow-up plans: a named list of steps (JSON) counted from an anchor date, and
// what starts it by itself (triggers, JSON). A run keeps the steps as they were
// planned when it started (an edit of the plan never changes a running one) and
// which follow-up each step made. What the cap on automatic touches held back is
// listed, never dropped. The built-in plans are not seeded here: a fresh
// database stays empty (a JSON export loads only into an empty one); the core
// stores them on the first write that needs them.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('contacts')
    .addColumn('do_not_contact_automatically', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('skip_weekends', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('triggers', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('steps', 'text', (col) => col.notNull())
    .addColumn('built_in', 'text', (col) => col.unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('plan_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('plan_id', 'text', (col) => col.notNull().references('plans.id'))
    .addColumn('plan_name', 'text', (col) => col.notNull())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('anchor_date', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('started_by', 'text', (col) => col.notNull())
    .addColumn('automatic', 'integer', (col) => col.notNull().check(sql`automatic in (0, 1)`))
    .addColumn('cancelled_at', 'text')
    .execute();
  await sql`create index plan_runs_by_contact on plan_runs (contact_id, plan_id, started_at)`.execute(db);

  await db.schema
    .createTable('plan_run_steps')
    .addColumn('run_id', 'text', (col) => col.notNull().references('plan_runs.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('prompt', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('due_time', 'text')
    // Null when the cap held the step back.
    .addColumn('followup_id', 'text')
    .addPrimaryKeyConstraint('plan_run_steps_pk', ['run_id', 'position'])
    .execute();

  await db.schema
    .createTable('plan_held_back')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (col) => col.notNull().references('plans.id'))
    .addColumn('plan_name', 'text', (col) => col.notNull())
    .addColumn('step_title', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('held_at', 'text', (col) => col.notNull())
    .execute();
  await sql`create index plan_held_back_by_time on plan_held_back (held_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_held_back').execute();
  await db.schema.dropTable('plan_run_steps').execute();
  await db.schema.dropTable('plan_runs').execute();
  await db.schema.dropTable('plans').execute();
  await db.schema.alterTable('contacts').dropColumn('do_not_contact_automatically').execute();
}
