import { sql, type Kysely } from 'kysely';
import { insertMany } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';
import { insertSearchEntries, removeManyFromIndex } from './contacts-search.repository.ts';
import type { ContactMethodRow, ContactRow, ContactSearchRow, ContactTagRow, NewContactMethodRow, NewContactRow } from './contacts.table.ts';

// Many contacts at once: an import's write path, undo, a merge's moves and the
// search index rebuilt after a JSON export is loaded. Ids go in as one JSON
// array (json_each), so no list of ids ever meets SQLite's variable limit.

export type NewNumberedContact = NewContactRow & { num: number };

const contactColumns = [
  'num', 'id', 'kind', 'first_name', 'last_name', 'company', 'company_id', 'display_name', 'sort_key',
  'address_street', 'address_city', 'address_region', 'address_postal_code', 'address_country', 'birthday',
  'notes', 'preferred_channel', 'preferred_time', 'keep_in_touch_days', 'do_not_contact_automatically', 'created_at', 'updated_at', 'deleted_at',
] as const;
const methodColumns = ['id', 'contact_id', 'type', 'label', 'value', 'is_primary', 'position'] as const;
const tagColumns = ['contact_id', 'tag', 'position'] as const;

const valuesOf = <Row, Column extends keyof Row>(rows: Row[], columns: readonly Column[]) => rows.map((row) => columns.map((column) => row[column] ?? null));

/** The `num` the next new contact gets: a bulk insert numbers its contacts itself, so their search entries can be written beside them. */
export async function nextContactNum(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('contacts').select(sql<number>`coalesce(max(num), 0) + 1`.as('next')).executeTakeFirstOrThrow();
  return row.next;
}

export async function insertContactsInBulk(
  db: Kysely<Database>,
  rows: { contacts: NewNumberedContact[]; methods: NewContactMethodRow[]; tags: ContactTagRow[]; search: ContactSearchRow[] },
): Promise<void> {
  const raw = db as Kysely<unknown>;
  await insertMany(raw, 'contacts', contactColumns, valuesOf(rows.contacts, contactColumns));
  await insertMany(raw, 'contact_methods', methodColumns, valuesOf(rows.methods, methodColumns));
  await insertMany(raw, 'contact_tags', tagColumns, valuesOf(rows.tags, tagColumns));
  await insertSearchEntries(db, rows.search);
}

// The full-text index and its prefix keys are written together, in one place.
export { clearSearchIndex, insertSearchEntries } from './contacts-search.repository.ts';

/** Puts these contacts in the Trash (those not there yet) and out of search; returns the ids it trashed. */
export async function trashContacts(db: Kysely<Database>, ids: string[], now: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const trashed = await db
    .updateTable('contacts')
    .set({ deleted_at: now, updated_at: now })
    .where('id', 'in', sql<string>`(select value from json_each(${JSON.stringify(ids)}))`)
    .where('deleted_at', 'is', null)
    .returning(['id', 'num'])
    .execute();
  await removeManyFromIndex(db, trashed.map((row) => row.num));
  return trashed.map((row) => row.id);
}

/** Every contact, oldest first, in the Trash too when asked. */
export async function findAllContacts(db: Kysely<Database>, includeTrash: boolean): Promise<ContactRow[]> {
  let query = db.selectFrom('contacts').selectAll();
  if (!includeTrash) query = query.where('deleted_at', 'is', null);
  return query.orderBy('num').execute();
}

export async function findAllMethods(db: Kysely<Database>): Promise<ContactMethodRow[]> {
  return db.selectFrom('contact_methods').selectAll().orderBy('contact_id').orderBy('type').orderBy('position').execute();
}

export async function findAllTags(db: Kysely<Database>): Promise<ContactTagRow[]> {
  return db.selectFrom('contact_tags').selectAll().orderBy('contact_id').orderBy('position').execute();
}

/** Emails and phones of contacts not in the Trash, with whose they are: what duplicates are matched on. */
export async function findLiveMethods(db: Kysely<Database>): Promise<Array<{ contact_id: string; display_name: string; type: 'email' | 'phone'; value: string }>> {
  return db
    .selectFrom('contact_methods')
    .innerJoin('contacts', 'contacts.id', 'contact_methods.contact_id')
    .where('contacts.deleted_at', 'is', null)
    .select(['contact_methods.contact_id', 'contacts.display_name', 'contact_methods.type', 'contact_methods.value'])
    .orderBy('contacts.num')
    .orderBy('contact_methods.position')
    .execute();
}

export async function findLiveNames(db: Kysely<Database>): Promise<Array<Pick<ContactRow, 'id' | 'kind' | 'first_name' | 'last_name' | 'company' | 'display_name'>>> {
  return db.selectFrom('contacts').select(['id', 'kind', 'first_name', 'last_name', 'company', 'display_name']).where('deleted_at', 'is', null).orderBy('num').execute();
}

/** Puts a contact row back exactly as a snapshot holds it. */
export async function writeContactRow(db: Kysely<Database>, row: ContactRow): Promise<void> {
  const { num, id, ...columns } = row;
  await db.updateTable('contacts').set(columns).where('num', '=', num).where('id', '=', id).execute();
}

/** Links a company's people to another company (a merge); returns who moved. */
export async function relinkPeople(db: Kysely<Database>, fromCompanyId: string, toCompanyId: string): Promise<string[]> {
  const rows = await db.updateTable('contacts').set({ company_id: toCompanyId }).where('company_id', '=', fromCompanyId).returning('id').execute();
  return rows.map((row) => row.id);
}

export async function linkPeopleTo(db: Kysely<Database>, ids: string[], companyId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('contacts').set({ company_id: companyId }).where('id', 'in', ids).execute();
}
