import { sql, type Kysely } from 'kysely';
import { insertMany } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';
import type { NewPurchaseRow, PurchaseRow, PurchaseTable } from './commerce.table.ts';

// Every read of purchases joins live contacts: a contact in the Trash takes its
// purchases with it, and restoring the contact brings them back untouched.

const idsIn = (ids: string[]) => sql<string>`(select value from json_each(${JSON.stringify(ids)}))`;

export async function insertPurchase(db: Kysely<Database>, row: NewPurchaseRow): Promise<PurchaseRow> {
  return db.insertInto('purchases').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findPurchaseById(db: Kysely<Database>, id: string): Promise<PurchaseRow | undefined> {
  return db.selectFrom('purchases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePurchaseRow(db: Kysely<Database>, id: string, changes: Partial<PurchaseTable>): Promise<PurchaseRow> {
  return db.updateTable('purchases').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export type PurchasePosition = { occurredOn: string; id: string };

/** One contact's live purchases, newest first, after `after`. */
export async function findPurchasePage(db: Kysely<Database>, contactId: string, after: PurchasePosition | undefined, limit: number): Promise<PurchaseRow[]> {
  let query = db
    .selectFrom('purchases')
    .innerJoin('contacts', 'contacts.id', 'purchases.contact_id')
    .selectAll('purchases')
    .where('purchases.contact_id', '=', contactId)
    .where('purchases.deleted_at', 'is', null)
    .where('contacts.deleted_at', 'is', null);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('purchases.occurred_on', '<', after.occurredOn), eb.and([eb('purchases.occurred_on', '=', after.occurredOn), eb('purchases.id', '<', after.id)])]),
    );
  }
  return query.orderBy('purchases.occurred_on', 'desc').orderBy('purchases.id', 'desc').limit(limit).execute();
}

export async function countLivePurchasesOf(db: Kysely<Database>, contactId: string): Promise<number> {
  const row = await db
    .selectFrom('purchases')
    .innerJoin('contacts', 'contacts.id', 'purchases.contact_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('purchases.contact_id', '=', contactId)
    .where('purchases.deleted_at', 'is', null)
    .where('contacts.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the contact has a live sale or closing other than `exceptId`: a first purchase has none. */
export async function hasOtherSale(db: Kysely<Database>, contactId: string, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('purchases')
    .select('id')
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .where('kind', 'in', ['sale', 'closing'])
    .where('id', '!=', exceptId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Contacts (of these) that have any live sale or closing. */
export async function contactsWithSales(db: Kysely<Database>, contactIds: string[]): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('purchases')
    .select('contact_id')
    .distinct()
    .where('contact_id', 'in', idsIn(contactIds))
    .where('deleted_at', 'is', null)
    .where('kind', 'in', ['sale', 'closing'])
    .execute();
  return new Set(rows.map((row) => row.contact_id));
}

/** Every purchase of one contact moves to another (a merge); returns the ids moved. */
export async function movePurchases(db: Kysely<Database>, fromId: string, toId: string): Promise<string[]> {
  const rows = await db.updateTable('purchases').set({ contact_id: toId }).where('contact_id', '=', fromId).returning('id').execute();
  return rows.map((row) => row.id);
}

export async function setPurchasesContact(db: Kysely<Database>, ids: string[], contactId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('purchases').set({ contact_id: contactId }).where('id', 'in', idsIn(ids)).execute();
}

export async function moveCustomerRefs(db: Kysely<Database>, fromId: string, toId: string): Promise<string[]> {
  const rows = await db.updateTable('customer_refs').set({ contact_id: toId }).where('contact_id', '=', fromId).returning('external_id').execute();
  return rows.map((row) => row.external_id);
}

export async function setCustomerRefsContact(db: Kysely<Database>, externalIds: string[], contactId: string): Promise<void> {
  if (externalIds.length === 0) return;
  await db.updateTable('customer_refs').set({ contact_id: contactId }).where('external_id', 'in', idsIn(externalIds)).execute();
}

/** Customer numbers that point at a live contact. */
export async function liveCustomerRefs(db: Kysely<Database>): Promise<Array<{ external_id: string; contact_id: string; display_name: string }>> {
  return db
    .selectFrom('customer_refs')
    .innerJoin('contacts', 'contacts.id', 'customer_refs.contact_id')
    .select(['customer_refs.external_id', 'customer_refs.contact_id', 'contacts.display_name'])
    .where('contacts.deleted_at', 'is', null)
    .execute();
}

/** Records (or repoints: the old contact may be in the Trash) customer numbers. */
export async function upsertCustomerRefs(db: Kysely<Database>, refs: Array<{ external_id: string; contact_id: string }>): Promise<void> {
  for (let start = 0; start < refs.length; start += 5_000) {
    const chunk = refs.slice(start, start + 5_000).map((ref) => [ref.external_id, ref.contact_id]);
    await sql`insert into customer_refs (external_id, contact_id) select value ->> 0, value ->> 1 from json_each(${JSON.stringify(chunk)}) where true
      on conflict (external_id) do update set contact_id = excluded.contact_id`.execute(db);
  }
}

/** What differs from one imported purchase to the next, in this order; the rest is the batch's. */
export type ImportedPurchaseValues = [
  id: string,
  contactId: string,
  kind: PurchaseTable['kind'],
  occurredOn: string,
  description: string,
  grossCents: number,
  discountCents: number,
  productCostCents: number,
  channel: string,
  channelCostCents: number,
  orderRef: string | null,
];

const importedColumns = [
  'id', 'contact_id', 'kind', 'occurred_on', 'description', 'gross_cents', 'discount_cents', 'product_cost_cents', 'channel', 'channel_cost_cents', 'order_ref',
  'discount_reason', 'import_batch_id', 'created_at', 'updated_at', 'deleted_at',
] as const;

/**
 * An import's purchases through the bulk path (one kept statement run once per
 * row): each row's own values, then the batch's. The caller owns the transaction.
 */
export async function insertImportedPurchases(db: Kysely<Database>, batchId: string, now: string, rows: ImportedPurchaseValues[]): Promise<void> {
  await insertMany(db as Kysely<unknown>, 'purchases', importedColumns, rows.map((row) => [...row, '', batchId, now, now, null]));
}
