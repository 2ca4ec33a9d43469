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

/** Whether a contact exists and is out of the Trash; undefined when there is no such contact. */
export async function findContactPresence(db: Q, id: string): Promise<{ display_name: string; deleted_at: string | null } | undefined> {
  return db.selectFrom('contacts').select(['display_name', 'deleted_at']).where('id', '=', id).executeTakeFirst();
}

/** The ids of the people added last, out of the Trash, newest first. */
export async function findNewestPeople(db: Q, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('contacts').select('id').where('kind', '=', 'person').where('deleted_at', 'is', null).orderBy('num', 'desc').limit(limit).execute();
  return rows.map((row) => row.id);
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

export type LosingTouchRow = {
  id: string;
  display_name: string;
  preferred_channel: string | null;
  preferred_time: string | null;
  last_interaction_at: string | null;
  keep_in_touch_days: number;
};

/**
 * Contacts who asked to be kept in touch with every N days and whose last
 * interaction (or, never contacted, their being added) is more than N days
 * before `now`; the longest overdue first.
 */
export async function findLosingTouch(db: Q, now: string, limit: number): Promise<LosingTouchRow[]> {
  const since = sql<string>`coalesce(last_interaction_at, created_at)`;
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'display_name', 'preferred_channel', 'preferred_time', 'last_interaction_at', 'keep_in_touch_days'])
    .where('keep_in_touch_days', 'is not', null)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`julianday(${now}) - julianday(${since}) > keep_in_touch_days`)
    .orderBy(sql`julianday(${now}) - julianday(${since}) - keep_in_touch_days`, 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows as LosingTouchRow[];
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
