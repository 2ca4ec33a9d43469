import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DrillDown, ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import type { Database } from '../db/schema.ts';
import type { CustomerProfitRow, CustomerValueRow } from './insights.table.ts';
import { noPurchaseChannel } from './overview.repository.ts';
import { lastQuarters, periodSpan, quarterSpan } from './profit-periods.ts';

export type CustomerTableRow = Omit<CustomerProfitRow, 'purchased' | 'bought' | 'bought_before' | 'channels' | 'quarters'> & {
  display_name: string;
  predicted_clv_cents: CustomerValueRow['predicted_clv_cents'] | null;
  stage: CustomerValueRow['stage'];
  tier: CustomerValueRow['tier'];
};

export type CustomerTableSort = 'name' | 'revenue' | 'allowances' | 'productCost' | 'channelCost' | 'costToServe' | 'adminCost' | 'profit' | 'clv';

const sortColumns: Record<CustomerTableSort, string> = {
  name: 'c.sort_key',
  revenue: 'cp.revenue_cents',
  allowances: 'cp.allowances_cents',
  productCost: 'cp.product_cost_cents',
  channelCost: 'cp.channel_cost_cents',
  costToServe: 'cp.cost_to_serve_cents',
  adminCost: 'cp.admin_cost_cents',
  profit: 'cp.profit_cents',
  clv: 'v.predicted_clv_cents',
};

export type CustomerTableQuery = {
  period: ProfitPeriod;
  today: string;
  unprofitableBelowCents: number;
  sort: CustomerTableSort;
  direction: 'asc' | 'desc';
  drill?: DrillDown | undefined;
  facts: DrillFacts;
};

/**
 * What the last recompute stored for the drill-downs: the day it was as of (the quarters' bits count
 * back from it) and each channel's bit. A channel or quarter it has no bit for is found in the purchases.
 */
export type DrillFacts = { asOf: string | null; customers: number; channelBits: Map<string, number> };

export async function findDrillFacts(db: Kysely<Database>): Promise<DrillFacts> {
  const run = await sql<{ as_of: string; customers: number }>`select as_of, customers from insights_runs where id = 1`.execute(db);
  const channels = await sql<{ channel: string; bit: number }>`select channel, bit from insights_channels`.execute(db);
  return { asOf: run.rows[0]?.as_of ?? null, customers: run.rows[0]?.customers ?? 0, channelBits: new Map(channels.rows.map((row) => [row.channel, row.bit])) };
}

/** A drill-down of fewer than a twentieth of the customers: its page starts from its own index (startFrom). */
export const fewOf = (facts: DrillFacts, count: number) => count * 20 < facts.customers;

/** The condition that keeps only the contacts behind a figure of the overview, from the facts stored beside their P&L where it can. */
function drillCondition(query: CustomerTableQuery): RawBuilder<boolean> {
  const { drill, period, today, facts } = query;
  if (drill === undefined) return sql<boolean>`1`;
  switch (drill.by) {
    case 'stage':
      return sql<boolean>`v.stage = ${drill.stage}`;
    case 'tier':
      return sql<boolean>`v.tier = ${drill.tier}`;
    case 'clv':
      return sql<boolean>`v.purchases > 0 and v.predicted_clv_cents >= ${drill.fromCents} ${drill.toCents === null ? sql`` : sql`and v.predicted_clv_cents < ${drill.toCents}`}`;
    case 'channel': {
      // The channel table's row for the cost to serve of customers who bought nothing in the period.
      if (drill.channel === noPurchaseChannel) return sql<boolean>`cp.cost_to_serve_cents <> 0 and cp.purchased = 0`;
      const bit = facts.channelBits.get(drill.channel);
      if (bit !== undefined) return sql<boolean>`cp.channels & (1 << ${bit}) <> 0`;
      const span = periodSpan(period, today);
      return sql<boolean>`cp.contact_id in (select p.contact_id from purchases p where p.deleted_at is null and p.channel = ${drill.channel} and p.occurred_on between ${span.from} and ${span.to})`;
    }
    case 'quarter': {
      const bit = facts.asOf === null ? -1 : lastQuarters(facts.asOf).findIndex((quarter) => quarter.quarter === drill.quarter);
      if (bit !== -1) return sql<boolean>`cp.quarters & ${2 ** bit} <> 0`;
      const span = quarterSpan(drill.quarter, today);
      return sql<boolean>`cp.contact_id in (select p.contact_id from purchases p where p.deleted_at is null and p.kind <> 'refund' and p.occurred_on between ${span.from} and ${span.to})`;
    }
    case 'lost':
      return sql<boolean>`(v.tier = ${drill.segment} or v.stage = ${drill.segment}) and cp.bought_before = 1 and cp.bought = 0`;
    case 'unprofitable':
      return sql<boolean>`cp.profit_cents < ${query.unprofitableBelowCents}`;
  }
}

/**
 * The rows to start from. A page walks the sort's index and stops at its end, which is quick while
 * the drill-down keeps a good share of the rows; a drill-down that keeps few (`few`) starts from its own
 * index instead (a stage, a tier, a range of lifetime values, the lost) and sorts them.
 */
function startFrom(query: CustomerTableQuery, few: boolean): RawBuilder<unknown> {
  const profits = sql`customer_profits cp on cp.period = ${query.period} and cp.contact_id`;
  const by = query.drill?.by;
  if (few && (by === 'stage' || by === 'tier' || by === 'clv')) {
    return sql`customer_values v cross join ${profits} = v.contact_id cross join contacts c on c.id = cp.contact_id and c.deleted_at is null`;
  }
  const contacts = sql`contacts c on c.id = cp.contact_id and c.deleted_at is null`;
  if (few && by === 'lost') return sql`customer_profits cp indexed by customer_profits_lost cross join customer_values v on v.contact_id = cp.contact_id cross join ${contacts}`;
  const values = sql`left join customer_values v on v.contact_id = cp.contact_id`;
  // By name, walk contacts_by_name (a cross join keeps contacts the outer loop).
  if (query.sort === 'name') return sql`contacts c cross join ${profits} = c.id and c.deleted_at is null ${values}`;
  return sql`customer_profits cp join ${contacts} ${values}`;
}

function listed(query: CustomerTableQuery, columns: RawBuilder<unknown>, few = false) {
  return sql`
    select ${columns}
    from ${startFrom(query, few)}
    where cp.period = ${query.period} and ${drillCondition(query)}`;
}

const profitLines = sql.raw(
  'cp.contact_id, cp.period, cp.revenue_cents, cp.allowances_cents, cp.product_cost_cents, cp.channel_cost_cents, cp.cost_to_serve_cents, cp.admin_cost_cents, cp.profit_cents',
);

/** One page of the P&L table, sorted by any column (ties by name, then id, so pages never overlap). */
export async function findCustomerPage(db: Kysely<Database>, query: CustomerTableQuery, page: { offset: number; limit: number | null; few: boolean }): Promise<CustomerTableRow[]> {
  const direction = sql.raw(query.direction);
  const column = sql.raw(sortColumns[query.sort]);
  // Customers without a lifetime value yet sort last either way.
  const nulls = query.sort === 'clv' ? sql`v.predicted_clv_cents is null, ` : sql``;
  const { rows } = await sql<CustomerTableRow>`
    ${listed(query, sql`${profitLines}, c.display_name, v.predicted_clv_cents, v.stage, v.tier`, page.few)}
    order by ${nulls}${column} ${direction}, ${query.sort === 'name' ? sql`c.id ${direction}` : sql`c.sort_key, c.id`}
    limit ${page.limit ?? -1} offset ${page.offset}`.execute(db);
  return rows;
}

/**
 * Unless the drill-down reads the purchases (a channel or quarter the last recompute has no bit for), the count needs
 * customer_profits (and customer_values) alone: their rows, read from their indexes, less the
 * rows of contacts in the Trash (a few, found by theirs), instead of a join to contacts for each
 * of a hundred thousand rows. Every customer_profits row has its contact (the foreign key).
 */
function countOfProfits(query: CustomerTableQuery): RawBuilder<{ count: number }> | undefined {
  const { drill, facts } = query;
  if (drill?.by === 'channel' && drill.channel !== noPurchaseChannel && !facts.channelBits.has(drill.channel)) return undefined;
  if (drill?.by === 'quarter' && (facts.asOf === null || !lastQuarters(facts.asOf).some((quarter) => quarter.quarter === drill.quarter))) return undefined;
  const condition = drillCondition(query);
  if (drill?.by === 'stage' || drill?.by === 'tier' || drill?.by === 'clv') {
    // Every customer_values row has its customer_profits rows: the recompute writes both for the same live contacts.
    return sql<{ count: number }>`select
      (select count(*) from customer_values v where ${condition})
      - (select count(*) from contacts c cross join customer_values v on v.contact_id = c.id where c.deleted_at is not null and ${condition}) as count`;
  }
  const rows =
    drill?.by === 'lost'
      ? sql`customer_profits cp indexed by customer_profits_lost cross join customer_values v on v.contact_id = cp.contact_id`
      : sql`customer_profits cp`;
  return sql<{ count: number }>`select
    (select count(*) from ${rows} where cp.period = ${query.period} and ${condition})
    - (select count(*) from contacts c cross join ${rows} where cp.contact_id = c.id and cp.period = ${query.period} and c.deleted_at is not null and ${condition}) as count`;
}

export async function countCustomers(db: Kysely<Database>, query: CustomerTableQuery): Promise<number> {
  const { rows } = await (countOfProfits(query) ?? sql<{ count: number }>`${listed(query, sql`count(*) as count`)}`).execute(db);
  return rows[0]?.count ?? 0;
}
