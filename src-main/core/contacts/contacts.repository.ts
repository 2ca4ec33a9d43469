import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type {
  ContactMethodRow,
  ContactRow,
  ContactRowUpdate,
  ContactTagRow,
  NewContactMethodRow,
  NewContactRow,
} from './contacts.table.ts';

export async function insertContact(db: Kysely<Database>, row: NewContactRow): Promise<ContactRow> {
  return db.insertInto('contacts').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateContactRow(db: Kysely<Database>, id: string, changes: ContactRowUpdate): Promise<ContactRow> {
  return db.updateTable('contacts').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findContactById(db: Kysely<Database>, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findContactsByNums(db: Kysely<Database>, nums: number[]): Promise<ContactRow[]> {
  if (nums.length === 0) return [];
  return db.selectFrom('contacts').selectAll().where('num', 'in', nums).where('deleted_at', 'is', null).execute();
}

export async function findMethods(db: Kysely<Database>, contactIds: string[], onlyPrimary = false): Promise<ContactMethodRow[]> {
  if (contactIds.length === 0) return [];
  let query = db.selectFrom('contact_methods').selectAll().where('contact_id', 'in', contactIds);
  if (onlyPrimary) query = query.where('is_primary', '=', 1);
  return query.orderBy('contact_id').orderBy('type').orderBy('position').execute();
}

export async function replaceMethods(db: Kysely<Database>, contactId: string, rows: NewContactMethodRow[]): Promise<void> {
  await db.deleteFrom('contact_methods').where('contact_id', '=', contactId).execute();
  if (rows.length > 0) await db.insertInto('contact_methods').values(rows).execute();
}

export async function findTags(db: Kysely<Database>, contactIds: string[]): Promise<ContactTagRow[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('contact_tags')
    .selectAll()
    .where('contact_id', 'in', contactIds)
    .orderBy('contact_id')
    .orderBy('position')
    .execute();
}

export async function replaceTags(db: Kysely<Database>, contactId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('contact_tags').where('contact_id', '=', contactId).execute();
  if (tags.length > 0) {
    await db
      .insertInto('contact_tags')
      .values(tags.map((tag, position) => ({ contact_id: contactId, tag, position })))
      .execute();
  }
}

export async function findTrash(db: Kysely<Database>, offset: number, limit: number): Promise<ContactRow[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countTrash(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('contacts')
    .select(sql<number>`count(*)`.as('count'))
    .where('deleted_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** How many people are linked to a company, in the Trash or not. */
export async function countLinkedPeople(db: Kysely<Database>, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('contacts')
    .select(sql<number>`count(*)`.as('count'))
    .where('company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Gives a company's people its name as their company text; returns those whose text changed. */
export async function setCompanyTextOfPeople(
  db: Kysely<Database>,
  companyId: string,
  name: string,
): Promise<Array<Pick<ContactRow, 'id' | 'num' | 'deleted_at'>>> {
  return db
    .updateTable('contacts')
    .set({ company: name })
    .where('company_id', '=', companyId)
    .where('company', '!=', name)
    .returning(['id', 'num', 'deleted_at'])
    .execute();
}

/** Does not touch `updated_at`: logging history is not an edit of the contact, and must not conflict with one. */
export async function setLastInteractionAt(db: Kysely<Database>, id: string, at: string | null): Promise<void> {
  await db.updateTable('contacts').set({ last_interaction_at: at }).where('id', '=', id).execute();
}

export async function findContactsByIds(db: Kysely<Database>, ids: string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute();
}

/**
 * Contacts not in the Trash with a keep-in-touch rhythm whose last interaction
 * (or, before the first, their creation) is more than that many days before
 * `now`; the longest overdue first.
 */
export async function findLosingTouch(db: Kysely<Database>, now: string, limit: number): Promise<ContactRow[]> {
  const since = sql<string>`coalesce(last_interaction_at, created_at)`;
  const dueBy = sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${since}, '+' || keep_in_touch_days || ' days')`;
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('keep_in_touch_days', 'is not', null)
    .where(dueBy, '<', now)
    .orderBy(dueBy)
    .orderBy('id')
    .limit(limit)
    .execute();
}
