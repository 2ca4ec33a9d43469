import { sql, type Kysely } from 'kysely';
import { insertMany } from '../db/bulk-insert.ts';
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
 * query for all of them (Today asks for hundreds of contacts at once), each
 * contact's few read from the end of the timeline index, as a timeline page is.
 * Put in order here rather than by SQL: sorting the wide rows in a temporary
 * b-tree cost more than sorting the few of each contact.
 */
export async function findRecentInteractions(db: Kysely<Database>, contactIds: string[], perContact: number): Promise<InteractionRow[]> {
  if (contactIds.length === 0) return [];
  const { rows } = await sql<InteractionRow>`
    select interactions.* from json_each(${JSON.stringify(contactIds)}) as wanted
    join interactions on interactions.num in (
      select newest.num from interactions as newest
      where newest.contact_id = wanted.value and newest.deleted_at is null
      order by newest.occurred_at desc, newest.id desc limit ${perContact})`.execute(db);
  return rows.sort(byContactNewestFirst);
}

function byContactNewestFirst(a: InteractionRow, b: InteractionRow): number {
  if (a.contact_id !== b.contact_id) return a.contact_id < b.contact_id ? -1 : 1;
  if (a.occurred_at !== b.occurred_at) return a.occurred_at < b.occurred_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** A new interaction's search entry: nothing to replace, so no delete first. */
export async function addInteractionToIndex(db: Kysely<Database>, entry: InteractionSearchTable): Promise<void> {
  await db.insertInto('interactions_fts').values(entry).execute();
}

export async function indexInteraction(db: Kysely<Database>, entry: InteractionSearchTable): Promise<void> {
  await removeInteractionFromIndex(db, entry.rowid);
  await db.insertInto('interactions_fts').values(entry).execute();
}

export async function removeInteractionFromIndex(db: Kysely<Database>, num: number): Promise<void> {
  await db.deleteFrom('interactions_fts').where('rowid', '=', num).execute();
}

/** Moves a contact's interactions to another contact (a merge); returns their ids. `updated_at` stays: moving is not an edit. */
export async function moveInteractions(db: Kysely<Database>, fromId: string, toId: string): Promise<string[]> {
  const rows = await db.updateTable('interactions').set({ contact_id: toId }).where('contact_id', '=', fromId).returning('id').execute();
  return rows.map((row) => row.id);
}

export async function setInteractionsContact(db: Kysely<Database>, ids: string[], contactId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('interactions').set({ contact_id: contactId }).where('id', 'in', ids).execute();
}

/**
 * Interactions one contact referred now name another as referrer; on the new
 * referrer's own interactions the referral is dropped (nobody refers themselves).
 * Returns the ids changed.
 */
export async function moveReferrals(db: Kysely<Database>, fromId: string, toId: string): Promise<string[]> {
  const rows = await db
    .updateTable('interactions')
    .set({ referred_by_id: sql<string | null>`case when contact_id = ${toId} then null else ${toId} end` })
    .where('referred_by_id', '=', fromId)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function setReferrer(db: Kysely<Database>, ids: string[], referrerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('interactions').set({ referred_by_id: referrerId }).where('id', 'in', ids).execute();
}

/** Every live interaction's search entry built afresh (after a JSON export is loaded). */
export async function findLiveInteractions(db: Kysely<Database>): Promise<InteractionRow[]> {
  return db.selectFrom('interactions').selectAll().where('deleted_at', 'is', null).orderBy('num').execute();
}

export async function clearInteractionIndex(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('interactions_fts').execute();
}

export async function insertInteractionEntries(db: Kysely<Database>, entries: InteractionSearchTable[]): Promise<void> {
  await insertMany(db as Kysely<unknown>, 'interactions_fts', ['rowid', 'summary', 'outcome', 'reasons'], entries.map((entry) => [entry.rowid, entry.summary, entry.outcome, entry.reasons]));
}
