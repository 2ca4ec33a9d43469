import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FollowupRow } from './followups.table.ts';

type Q = Kysely<Database>;

/** A follow-up with the name of the contact it is for: what a card and a calendar event show. */
export type FollowupForContact = FollowupRow & { display_name: string };

/** Cards from Today print at most this many in one go. */
const mostDueCards = 500;

function withContactName(db: Q) {
  return db.selectFrom('followups as f').innerJoin('contacts as c', 'c.id', 'f.contact_id').selectAll('f').select('c.display_name');
}

function openWithLiveContact(db: Q) {
  return withContactName(db).where('f.status', '=', 'open').where('f.deleted_at', 'is', null).where('c.deleted_at', 'is', null);
}

/** These follow-ups whatever their state (printing a card again is harmless); ids not found are missing. */
export async function findFollowupsWithContact(db: Q, ids: string[]): Promise<FollowupForContact[]> {
  return withContactName(db).where('f.id', 'in', ids).execute();
}

/** Open handwritten notes and cards due on or before `today`, contacts in the Trash left out; the oldest first. */
export async function findDueCards(db: Q, today: string): Promise<FollowupForContact[]> {
  return openWithLiveContact(db)
    .where('f.kind', 'in', ['handwritten_note', 'card'])
    .where('f.due_date', '<=', today)
    .orderBy('f.due_date')
    .orderBy('f.due_time')
    .orderBy('f.id')
    .limit(mostDueCards)
    .execute();
}

/** Every open follow-up, or one contact's, contacts in the Trash left out; in due order. */
export async function findOpenFollowups(db: Q, contactId: string | undefined): Promise<FollowupForContact[]> {
  let query = openWithLiveContact(db);
  if (contactId !== undefined) query = query.where('f.contact_id', '=', contactId);
  return query.orderBy('f.due_date').orderBy('f.due_time').orderBy('f.id').execute();
}
