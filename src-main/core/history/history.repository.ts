import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { InteractionRow, InteractionRowUpdate, InteractionSearchTable, NewInteractionRow } from './history.table.ts';

export type TimelinePosition = { occurredAt: string; id: string };

export async function insertInteraction(db: Kysely<Database>, row: NewInteractionRow): Promise<InteractionRow> {
  return db.insertInto('interactions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateInteractionRow(db: Kysely<Database>, id: string, changes: InteractionRowUpdate): Promise<InteractionRow> {
  return db.updateTable('interactions').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findInteractionById(db: Kysely<Database>, id: string): Promise<InteractionRow | undefined> {
  return db.selectFrom('interactions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInteractionsByNums(db: Kysely<Database>, nums: number[]): Promise<InteractionRow[]> {
  if (nums.length === 0) return [];
  return db.selectFrom('interactions').selectAll().where('num', 'in', nums).execute();
}

/** The newest time among the contact's live interactions; walks the end of the timeline index. */
export async function latestOccurredAt(db: Kysely<Database>, contactId: string): Promise<string | null> {
  const row = await db
    .selectFrom('interactions')
    .select('occurred_at')
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.occurred_at ?? null;
}

/** One page of a contact's live interactions, newest first, after `after` when given. */
export async function findTimelinePage(
  db: Kysely<Database>,
  contactId: string,
  after: TimelinePosition | undefined,
  limit: number,
): Promise<InteractionRow[]> {
  let query = db.selectFrom('interactions').selectAll().where('contact_id', '=', contactId).where('deleted_at', 'is', null);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('occurred_at', '<', after.occurredAt), eb.and([eb('occurred_at', '=', after.occurredAt), eb('id', '<', after.id)])]),
    );
  }
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function countTimeline(db: Kysely<Database>, contactId: string): Promise<number> {
  const row = await db
    .selectFrom('interactions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The newest `perContact` live interactions of each contact, newest first: one
 * query for all of them (Today asks for hundreds of contacts at once), read from
 * the timeline index in order.
 */
export async function findRecentInteractions(db: Kysely<Database>, contactIds: string[], perContact: number): Promise<InteractionRow[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('interactions')
        .selectAll()
        .select(sql<number>`row_number() over (partition by contact_id order by occurred_at desc, id desc)`.as('place'))
        .where('contact_id', 'in', contactIds)
        .where('deleted_at', 'is', null)
        .as('ranked'),
    )
    .selectAll()
    .where('place', '<=', perContact)
    .orderBy('contact_id')
    .orderBy('place')
    .execute();
}

export async function indexInteraction(db: Kysely<Database>, entry: InteractionSearchTable): Promise<void> {
  await removeInteractionFromIndex(db, entry.rowid);
  await db.insertInto('interactions_fts').values(entry).execute();
}

export async function removeInteractionFromIndex(db: Kysely<Database>, num: number): Promise<void> {
  await db.deleteFrom('interactions_fts').where('rowid', '=', num).execute();
}
