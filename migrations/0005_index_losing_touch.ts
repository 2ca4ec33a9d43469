import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// Losing touch reads contacts in the order they started losing touch: the day
// their last interaction (or, never contacted, their creation) plus their
// keep-in-touch days passes. Indexing that very expression lets Today walk the
// first few in order instead of working it out for every contact who keeps in
// touch. SQLite uses the index only for a query that writes the same expression.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index contacts_losing_touch on contacts (
      strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(last_interaction_at, created_at), '+' || keep_in_touch_days || ' days'), id)
    where deleted_at is null and keep_in_touch_days is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index contacts_losing_touch`.execute(db);
}
