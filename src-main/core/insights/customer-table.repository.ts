import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DrillDown, ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import type { Database } from '../db/schema.ts';
import type { CustomerProfitRow, CustomerValueRow } from './insights.table.ts';
import { lostMembers, noPurchaseChannel } from './overview.repository.ts';
import { periodSpan, previousSpan, quarterSpan } from './profit-periods.ts';

export type CustomerTableRow = CustomerProfitRow & {
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
};

/** The condition that keeps only the contacts behind a figure of the overview. */
function drillCondition(query: CustomerTableQuery): RawBuilder<boolean> {
  const { drill, period, today } = query;
  if (drill === undefined) return sql<boolean>`1`;
  switch (drill.by) {
    case 'stage':
      return sql<boolean>`v.stage = ${drill.stage}`;
    case 'tier':
      return sql<boolean>`v.tier = ${drill.tier}`;
    case 'clv':
      return sql<boolean>`v.purchases > 0 and v.predicted_clv_cents >= ${drill.fromCents} ${drill.toCents === null ? sql`` : sql`and v.predicted_clv_cents < ${drill.toCents}`}`;
    case 'channel': {
      const span = periodSpan(period, today);
      // The channel table's row for the cost to serve of customers who bought nothing in the period.
      if (drill.channel === noPurchaseChannel) {
        return sql<boolean>`cp.cost_to_serve_cents <> 0 and cp.contact_id not in (select p.contact_id from purchases p where p.deleted_at is null and p.occurred_on between ${span.from} and ${span.to})`;
      }
      return sql<boolean>`cp.contact_id in (select p.contact_id from purchases p where p.deleted_at is null and p.channel = ${drill.channel} and p.occurred_on between ${span.from} and ${span.to})`;
    }
    case 'quarter': {
      const span = quarterSpan(drill.quarter, today);
      return sql<boolean>`cp.contact_id in (select p.contact_id from purchases p where p.deleted_at is null and p.kind <> 'refund' and p.occurred_on between ${span.from} and ${span.to})`;
    }
    case 'lost':
      return sql<boolean>`cp.contact_id in (${lostMembers(drill.segment, periodSpan(period, today), previousSpan(period, today))})`;
    case 'unprofitable':
      return sql<boolean>`cp.profit_cents < ${query.unprofitableBelowCents}`;
  }
}

function listed(query: CustomerTableQuery, columns: RawBuilder<unknown>) {
  // By name, walk contacts_by_name and stop at the page's end (a cross join keeps contacts the outer loop).
  const from = query.sort === 'name' ? sql`contacts c cross join customer_profits cp on cp.contact_id = c.id` : sql`customer_profits cp join contacts c on c.id = cp.contact_id`;
  return sql`
    select ${columns}
    from ${from} and c.deleted_at is null
    left join customer_values v on v.contact_id = cp.contact_id
    where cp.period = ${query.period} and ${drillCondition(query)}`;
}

/** One page of the P&L table, sorted by any column (ties by name, then id, so pages never overlap). */
export async function findCustomerPage(db: Kysely<Database>, query: CustomerTableQuery, page: { offset: number; limit: number | null }): Promise<CustomerTableRow[]> {
  const direction = sql.raw(query.direction);
  const column = sql.raw(sortColumns[query.sort]);
  // Customers without a lifetime value yet sort last either way.
  const nulls = query.sort === 'clv' ? sql`v.predicted_clv_cents is null, ` : sql``;
  const { rows } = await sql<CustomerTableRow>`
    ${listed(query, sql`cp.*, c.display_name, v.predicted_clv_cents, v.stage, v.tier`)}
    order by ${nulls}${column} ${direction}, ${query.sort === 'name' ? sql`c.id ${direction}` : sql`c.sort_key, c.id`}
    limit ${page.limit ?? -1} offset ${page.offset}`.execute(db);
  return rows;
}

/**
 * Unless the drill-down is by purchases (a channel, a quarter, the lost), the count needs
 * customer_profits (and customer_values) alone: their rows, read from their indexes, less the
 * rows of contacts in the Trash (a few, found by theirs), instead of a join to contacts for each
 * of a hundred thousand rows. Every customer_profits row has its contact (the foreign key).
 */
function countOfProfits(query: CustomerTableQuery): RawBuilder<{ count: number }> | undefined {
  const by = query.drill?.by;
  if (by === 'channel' || by === 'quarter' || by === 'lost') return undefined;
  const condition = drillCondition(query);
  const rows =
    by === undefined || by === 'unprofitable'
      ? sql`customer_profits cp`
      : sql`customer_values v cross join customer_profits cp on cp.period = ${query.period} and cp.contact_id = v.contact_id`;
  return sql<{ count: number }>`select
    (select count(*) from ${rows} where cp.period = ${query.period} and ${condition})
    - (select count(*) from contacts c cross join ${rows} where cp.contact_id = c.id and cp.period = ${query.period} and c.deleted_at is not null and ${condition}) as count`;
}

export async function countCustomers(db: Kysely<Database>, query: CustomerTableQuery): Promise<number> {
  const { rows } = await (countOfProfits(query) ?? sql<{ count: number }>`${listed(query, sql`count(*) as count`)}`).execute(db);
  return rows[0]?.count ?? 0;
}
