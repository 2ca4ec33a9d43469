import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../db/handle.ts';
import { EachRow } from '../db/prepared-statements.ts';
import type { CustomerValueRow, CustomerValueTable, InsightsRunTable } from './insights.table.ts';

/** One contact's purchases summed: their history over all days, and what the CLV models need of the buying days up to today. */
export type PurchaseSummaryRow = {
  contact_id: string;
  /** First and last day with a sale or closing. */
  first_purchase_on: string | null;
  last_purchase_on: string | null;
  /** Sales and closings. */
  purchases: number;
  /** Distinct days with a sale or closing. */
  purchase_days: number;
  /** Sales and closings net of discounts, less refunds, in cents. */
  historical_cents: number;
  /** Product cost, refunds' taken back, in cents. */
  product_cost_cents: number;
  /** Buying days up to today, the first and last of them. */
  model_days: number;
  model_first_on: string | null;
  model_last_on: string | null;
  /** Sales and closings net of discounts on those days, and on the first of them, in cents. */
  model_net_cents: number;
  model_first_net_cents: number;
};

/** One buying day of one contact up to today: what the simple retention model reads. */
export type BuyingDayRow = { contact_id: string; occurred_on: string; net_cents: number };

/** Contacts whose id is in [from, to); null: no bound. */
export type ContactRange = { from: string | null; to: string | null };

// Live purchases of live contacts: a trashed contact is excluded by one lookup
// in the (small) set of trashed ids rather than a join per purchase. Summed per
// (contact, day) first, so same-day purchases count as one buying day; the scan
// reads only purchases_by_contact (it covers these columns) in contact and day order.
function purchaseDaysSql(range: ContactRange) {
  const from = range.from === null ? sql`` : sql`and contact_id >= ${range.from}`;
  const to = range.to === null ? sql`` : sql`and contact_id < ${range.to}`;
  return sql`
    select contact_id, occurred_on,
      sum(case when kind = 'refund' then 0 else gross_cents - discount_cents end) as net,
      sum(case when kind = 'refund' then gross_cents - discount_cents else 0 end) as refund,
      sum(kind <> 'refund') as sales,
      sum(case when kind = 'refund' then -product_cost_cents else product_cost_cents end) as cost
    from purchases
    where deleted_at is null ${from} ${to} and contact_id not in (select id from contacts where deleted_at is not null)
    group by contact_id, occurred_on`;
}

/**
 * Contact ids that cut every contact, in id order, into runs of `size`: the
 * first id of each run after the first. The recompute reads purchases run by
 * run, so no one statement keeps the worker from answering for long.
 */
export async function findContactCuts(db: Db, size: number): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select id from (select id, row_number() over (order by id) as n from contacts) where n % ${size} = 1 and n > 1 order by id`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Every live contact in `range` with a live purchase, summed in SQL (one row per
 * contact, ordered by contact): a million purchases come back as a hundred thousand rows.
 * The model's columns count only buying days on or before `today`.
 */
export async function findPurchaseSummaries(db: Db, today: string, range: ContactRange = { from: null, to: null }): Promise<PurchaseSummaryRow[]> {
  const result = await sql<PurchaseSummaryRow>`
    with days as (${purchaseDaysSql(range)}),
    model as (select *, sales > 0 and occurred_on <= ${today} as counted from days)
    select contact_id,
      min(case when sales > 0 then occurred_on end) as first_purchase_on,
      max(case when sales > 0 then occurred_on end) as last_purchase_on,
      sum(sales) as purchases,
      sum(sales > 0) as purchase_days,
      sum(net - refund) as historical_cents,
      sum(cost) as product_cost_cents,
      sum(counted) as model_days,
      min(case when counted then occurred_on end) as model_first_on,
      max(case when counted then occurred_on end) as model_last_on,
      coalesce(sum(case when counted then net end), 0) as model_net_cents,
      coalesce(cast(substr(min(case when counted then occurred_on || ':' || net end), 12) as integer), 0) as model_first_net_cents
    from model
    group by contact_id
    order by contact_id`.execute(db);
  return result.rows;
}

/** Every live contact's buying days up to `today` with their net, ordered by contact and day. */
export async function findBuyingDays(db: Db, today: string): Promise<BuyingDayRow[]> {
  const result = await sql<BuyingDayRow>`
    select contact_id, occurred_on, net as net_cents from (${purchaseDaysSql({ from: null, to: null })})
    where sales > 0 and occurred_on <= ${today}
    order by contact_id, occurred_on`.execute(db);
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

const keptColumns = valueColumns.filter((column) => column !== 'contact_id' && column !== 'computed_at');
const upsertText =
  `insert into customer_values (${valueColumns.join(', ')}) values (${valueColumns.map(() => '?').join(', ')}) ` +
  `on conflict (contact_id) do update set ${['computed_at', ...keptColumns].map((column) => `${column} = excluded.${column}`).join(', ')} ` +
  `where (${keptColumns.join(', ')}) is not (${keptColumns.map((column) => `excluded.${column}`).join(', ')})`;

/**
 * Replaces every customer's values with these, computed at `computedAt`. Only what changed is
 * rewritten: from one run to the next most rows stay the same, and a row rewritten whole costs
 * writes to the table and its four indexes. The others only take the new `computed_at`, a column
 * no index holds.
 */
export async function replaceCustomerValues(db: Db, computedAt: string, rows: Array<Omit<CustomerValueTable, 'computed_at'>>): Promise<void> {
  await sql`delete from customer_values where contact_id not in (select value from json_each(${JSON.stringify(rows.map((row) => row.contact_id))}))`.execute(db);
  if (rows.length > 0) {
    const values = rows.map((row) => valueColumns.map((column) => (column === 'computed_at' ? computedAt : row[column])));
    await db.executeQuery(CompiledQuery.raw(upsertText, [new EachRow(values)]));
  }
  await sql`update customer_values set computed_at = ${computedAt} where computed_at is not ${computedAt}`.execute(db);
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
