import type { PreferredChannel, PreferredTime } from '../../../shared/contacts/contacts.schemas.ts';
import type { Db } from '../db/handle.ts';
import { findContactsByIds, findLosingTouch, setLastInteractionAt } from './contacts.repository.ts';
import type { ContactRow } from './contacts.table.ts';

/** What history needs to know of a contact: who it is, how they like to be reached, whether it is in the Trash. */
export type ContactBrief = {
  id: string;
  displayName: string;
  preferredChannel: PreferredChannel | null;
  preferredTime: PreferredTime | null;
  keepInTouchDays: number | null;
  lastInteractionAt: string | null;
  inTrash: boolean;
  /** For a plan's placeholders and its rules. */
  firstName: string;
  lastName: string;
  company: string;
  city: string;
  doNotContactAutomatically: boolean;
};

function briefOf(row: ContactRow): ContactBrief {
  return {
    id: row.id,
    displayName: row.display_name,
    preferredChannel: row.preferred_channel as PreferredChannel | null,
    preferredTime: row.preferred_time as PreferredTime | null,
    keepInTouchDays: row.keep_in_touch_days,
    lastInteractionAt: row.last_interaction_at,
    inTrash: row.deleted_at !== null,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    city: row.address_city ?? '',
    doNotContactAutomatically: row.do_not_contact_automatically === 1,
  };
}

/** The contacts with these ids, in the Trash or not; ids of contacts deleted for good are missing. */
export async function findContactBriefs(db: Db, ids: string[]): Promise<ContactBrief[]> {
  return (await findContactsByIds(db, [...new Set(ids)])).map(briefOf);
}

/**
 * Contacts losing touch at `now`: their keep-in-touch days have passed since the
 * last interaction (or since they were added, before the first); the longest
 * overdue first. For the Today view.
 */
export async function losingTouch(db: Db, now: string, limit: number): Promise<ContactBrief[]> {
  return (await findLosingTouch(db, now, limit)).map(briefOf);
}

/** Keeps the contact's last-interaction time; history calls it inside its own write. */
export async function recordLastInteraction(db: Db, id: string, at: string | null): Promise<void> {
  await setLastInteractionAt(db, id, at);
}
