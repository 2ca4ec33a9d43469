import { sql, type Kysely } from 'kysely';
import { insertMany } from '../db/bulk-insert.ts';
import type { Db } from '../db/handle.ts';
import type { CustomerValueRow, CustomerValueTable, InsightsRunTable } from './insights.table.ts';

/** One contact's purchases on one day: sales and closings net of discounts, refunds apart. */
export type PurchaseDayRow = {
  contact_id: string;
  occurred_on: string;
  /** Sales and closings that day: gross − discount, in cents. */
  net_cents: number;
  refund_cents: number;
  /** Sales and closings that day. */
  purchases: number;
  /** Product cost that day, refunds' taken back. */
  product_cost_cents: number;
};

/**
 * Every live contact's purchases per (contact, day), ordered by contact and day:
 * one pass over the purchases index, so a million purchases come back as one
 * row per buying day.
 */
export async function findPurchaseDays(db: Db): Promise<PurchaseDayRow[]> {
  const result = await sql<PurchaseDayRow>`
    select p.contact_id, p.occurred_on,
      sum(case when p.kind = 'refund' then 0 else p.gross_cents - p.discount_cents end) as net_cents,
      sum(case when p.kind = 'refund' then p.gross_cents - p.discount_cents else 0 end) as refund_cents,
      sum(p.kind <> 'refund') as purchases,
      sum(case when p.kind = 'refund' then -p.product_cost_cents else p.product_cost_cents end) as product_cost_cents
    from purchases p
    join contacts c on c.id = p.contact_id and c.deleted_at is null
    where p.deleted_at is null
    group by p.contact_id, p.occurred_on
    order by p.contact_id, p.occurred_on`.execute(db);
  return result.rows;
}

export async function countLivePurchases(db: Db): Promise<number> {
  const row = await db.selectFrom('purchases').select((eb) => eb.fn.countAll<number>().as('count')).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.count ?? 0;
}

export async function findCustomerValue(db: Db, contactId: string): Promise<CustomerValueRow | undefined> {
  return db.selectFrom('customer_values').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
}

const valueColumns = [
  'contact_id',
  'computed_at',
  'first_purchase_on',
  'last_purchase_on',
  'purchases',
  'historical_cents',
  'expected_purchases',
  'expected_spend_cents',
  'p_alive',
  'predicted_clv_cents',
  'tier',
  'stage',
  'stage_reason',
  'stage_source',
] as const satisfies ReadonlyArray<keyof CustomerValueTable>;

/** Replaces every customer's values with these. */
export async function replaceCustomerValues(db: Db, rows: CustomerValueTable[]): Promise<void> {
  await db.deleteFrom('customer_values').execute();
  await insertMany(db as Kysely<unknown>, 'customer_values', valueColumns, rows.map((row) => valueColumns.map((column) => row[column])));
}

/** The stage shown for one contact, set by hand or given back to the rules. */
export async function setShownStage(db: Db, contactId: string, stage: CustomerValueTable['stage'], reason: string, source: CustomerValueTable['stage_source']): Promise<void> {
  await db.updateTable('customer_values').set({ stage, stage_reason: reason, stage_source: source }).where('contact_id', '=', contactId).execute();
}

export async function findRun(db: Db): Promise<InsightsRunTable | undefined> {
  return db.selectFrom('insights_runs').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function saveRun(db: Db, run: Omit<InsightsRunTable, 'id'>): Promise<void> {
  await db
    .insertInto('insights_runs')
    .values({ id: 1, ...run })
    .onConflict((oc) => oc.column('id').doUpdateSet(run))
    .execute();
}

/** First names of these contacts, for the follow-ups the ladder makes. */
export async function findFirstNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('contacts').select(['id', 'first_name', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.first_name || row.display_name]));
}
