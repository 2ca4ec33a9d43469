import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FollowupRow, FollowupRowUpdate, NewFollowupRow } from './followups.table.ts';

type Q = Kysely<Database>;

/** A follow-up with the contact it is for, as Today and the scheduler show it. */
export type FollowupWithContact = FollowupRow & {
  display_name: string;
  preferred_channel: string | null;
  preferred_time: string | null;
  last_interaction_at: string | null;
};

export async function insertFollowup(db: Q, row: NewFollowupRow): Promise<FollowupRow> {
  return db.insertInto('followups').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateFollowupRow(db: Q, id: string, changes: FollowupRowUpdate): Promise<FollowupRow> {
  return db.updateTable('followups').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findFollowupById(db: Q, id: string): Promise<FollowupRow | undefined> {
  return db.selectFrom('followups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findContactFollowups(db: Q, contactId: string, status: FollowupRow['status'] | undefined): Promise<FollowupRow[]> {
  let query = db.selectFrom('followups').selectAll().where('contact_id', '=', contactId).where('deleted_at', 'is', null);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('due_date').orderBy('due_time').orderBy('id').execute();
}

function openWithLiveContact(db: Q) {
  return db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .where('f.status', '=', 'open')
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
}

/** Open follow-ups due from `from` (inclusive) to `to` (exclusive), either end open; contacts in the Trash left out. */
export async function findOpenDue(db: Q, range: { from?: string; to?: string }, limit: number): Promise<FollowupWithContact[]> {
  let query = openWithLiveContact(db)
    .selectAll('f')
    .select(['c.display_name', 'c.preferred_channel', 'c.preferred_time', 'c.last_interaction_at']);
  if (range.from !== undefined) query = query.where('f.due_date', '>=', range.from);
  if (range.to !== undefined) query = query.where('f.due_date', '<', range.to);
  return query.orderBy('f.due_date').orderBy('f.due_time').orderBy('f.id').limit(limit).execute();
}

export async function countOpenDue(db: Q, today: string): Promise<{ overdue: number; today: number }> {
  const row = await openWithLiveContact(db)
    .where('f.due_date', '<=', today)
    .select([
      sql<number>`coalesce(sum(f.due_date < ${today}), 0)`.as('overdue'),
      sql<number>`coalesce(sum(f.due_date = ${today}), 0)`.as('today'),
    ])
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), today: Number(row.today) };
}

/** Open follow-ups not yet announced whose due moment (time, else start of day) is at or before the local `date` `time`. */
export async function findDueUnannounced(db: Q, date: string, time: string): Promise<FollowupWithContact[]> {
  return openWithLiveContact(db)
    .selectAll('f')
    .select(['c.display_name', 'c.preferred_channel', 'c.preferred_time', 'c.last_interaction_at'])
    .where('f.announced_at', 'is', null)
    .where((eb) => eb.or([eb('f.due_date', '<', date), eb.and([eb('f.due_date', '=', date), eb(sql`coalesce(f.due_time, '00:00')`, '<=', time)])]))
    .orderBy('f.due_date')
    .orderBy('f.due_time')
    .orderBy('f.id')
    .execute();
}

/** The soonest open, unannounced follow-up still to fall due after the local `date` `time`. */
export async function findNextUnannounced(db: Q, date: string, time: string): Promise<Pick<FollowupRow, 'due_date' | 'due_time'> | undefined> {
  return openWithLiveContact(db)
    .select(['f.due_date', 'f.due_time'])
    .where('f.announced_at', 'is', null)
    .where((eb) => eb.or([eb('f.due_date', '>', date), eb.and([eb('f.due_date', '=', date), eb(sql`coalesce(f.due_time, '00:00')`, '>', time)])]))
    .orderBy('f.due_date')
    .orderBy('f.due_time')
    .limit(1)
    .executeTakeFirst();
}

export async function markAnnounced(db: Q, ids: string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('followups').set({ announced_at: at }).where('id', 'in', ids).execute();
}

/** Moves a contact's follow-ups to another contact (a merge); returns their ids. `updated_at` stays: moving is not an edit. */
export async function moveFollowups(db: Q, fromId: string, toId: string): Promise<string[]> {
  const rows = await db.updateTable('followups').set({ contact_id: toId }).where('contact_id', '=', fromId).returning('id').execute();
  return rows.map((row) => row.id);
}

export async function setFollowupsContact(db: Q, ids: string[], contactId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('followups').set({ contact_id: contactId }).where('id', 'in', ids).execute();
}
