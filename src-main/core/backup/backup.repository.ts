import { sql, type Kysely } from 'kysely';
import type { BackupCounts } from '../../../shared/backup/backup.schemas.ts';
import type { Database } from '../db/schema.ts';

/** What the live database holds now, counted as a backup's manifest counts it (records not in the Trash). */
export async function countLiveRecords(db: Kysely<Database>): Promise<BackupCounts> {
  const count = async (table: 'contacts' | 'interactions' | 'followups') =>
    (await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n;
  // Purchases of contacts in the Trash are hidden with them, so they are not counted either.
  const purchases = await db
    .selectFrom('purchases')
    .innerJoin('contacts', 'contacts.id', 'purchases.contact_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('purchases.deleted_at', 'is', null)
    .where('contacts.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { contacts: await count('contacts'), interactions: await count('interactions'), followups: await count('followups'), purchases: purchases.n };
}

/** Rows this connection has changed since it opened: tells whether anything changed since the last backup. */
export async function changesSinceOpen(db: Kysely<Database>): Promise<number> {
  return (await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n;
}
