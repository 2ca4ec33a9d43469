import { sql, type Kysely } from 'kysely';
import type { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import type { Database } from '../db/schema.ts';
import type { Quarter, Span } from './profit-periods.ts';

// The Insights view's figures, each aggregated in SQL over the snapshot the
// recompute has just written (customer_values, customer_profits) and the live
// purchases and history it was computed from. Passes over a year or more of
// purchases read the table in order (`not indexed`): the by-day index would
// read it at random, a page a row once the data outgrows SQLite's cache.

/** Customers (with a purchase), and everyone on the ladder by stage. */
export async function customersAndLadder(db: Kysely<Database>): Promise<{ customers: number; stages: Array<{ stage: LoyaltyStage; count: number }> }> {
  const { rows } = await sql<{ stage: LoyaltyStage | null; customers: number; count: number }>`
    select v.stage, sum(v.purchases > 0) as customers, count(*) as count
    from customer_values v join contacts c on c.id = v.contact_id and c.deleted_at is null
    group by v.stage`.execute(db);
  return {
    customers: rows.reduce((sum, row) => sum + row.customers, 0),
    stages: rows.flatMap((row) => (row.stage === null ? [] : [{ stage: row.stage, count: row.count }])),
  };
}

export async function clvRange(db: Kysely<Database>): Promise<{ low: number | null; high: number | null }> {
  const { rows } = await sql<{ low: number | null; high: number | null }>`
    select min(v.predicted_clv_cents) as low, max(v.predicted_clv_cents) as high
    from customer_values v join contacts c on c.id = v.contact_id and c.deleted_at is null
    where v.purchases > 0`.execute(db);
  return rows[0] ?? { low: null, high: null };
}

/** Customers per bin of `step` cents from `start`; the last bin takes everything above. */
export async function clvBinCounts(db: Kysely<Database>, start: number, step: number, bins: number): Promise<Map<number, number>> {
  const { rows } = await sql<{ bin: number; count: number }>`
    select min(${bins - 1}, (v.predicted_clv_cents - cast(${start} as integer)) / cast(${step} as integer)) as bin, count(*) as count
    from customer_values v join contacts c on c.id = v.contact_id and c.deleted_at is null
    where v.purchases > 0
    group by 1`.execute(db);
  return new Map(rows.map((row) => [row.bin, row.count]));
}

export type SegmentSums = {
  segment: string;
  customers: number;
  profitSum: number;
  boughtBefore: number;
  retained: number;
  lowTouches: number;
  lowSelfService: number;
};

/** Members of each CLV tier and ladder stage: tiers and stages have distinct names. */
const segmentMembers = sql`
  select v.tier as segment, v.contact_id from customer_values v join contacts c on c.id = v.contact_id and c.deleted_at is null where v.tier is not null
  union all
  select v.stage, v.contact_id from customer_values v join contacts c on c.id = v.contact_id and c.deleted_at is null where v.stage is not null`;

/** Per contact: bought (a sale or closing) in the period before, and in this one. */
function buyers(span: Span, before: Span) {
  const low = before.from < span.from ? before.from : span.from;
  return sql`
    select p.contact_id,
      max(p.occurred_on between ${before.from} and ${before.to}) as before,
      max(p.occurred_on between ${span.from} and ${span.to}) as now
    from purchases p not indexed
    where p.deleted_at is null and p.kind <> 'refund' and p.occurred_on between ${low} and ${span.to}
    group by p.contact_id`;
}

export async function segmentSums(db: Kysely<Database>, period: ProfitPeriod, span: Span, before: Span, unprofitableBelowCents: number): Promise<SegmentSums[]> {
  const { rows } = await sql<SegmentSums>`
    with
    members as materialized (${segmentMembers}),
    buys as (${buyers(span, before)}),
    touches as (
      select i.contact_id, count(*) as all_touches, sum(i.kind = 'self_service') as self_touches
      from interactions i
      where i.deleted_at is null and i.occurred_at >= ${span.fromAt} and i.occurred_at < ${span.toAt}
        and i.contact_id in (select contact_id from customer_profits where period = ${period} and profit_cents < ${unprofitableBelowCents})
      group by i.contact_id
    )
    select m.segment, count(*) as customers, coalesce(sum(cp.profit_cents), 0) as profitSum,
      coalesce(sum(b.before), 0) as boughtBefore,
      coalesce(sum(b.before and b.now), 0) as retained,
      coalesce(sum(case when cp.profit_cents < ${unprofitableBelowCents} then t.all_touches else 0 end), 0) as lowTouches,
      coalesce(sum(case when cp.profit_cents < ${unprofitableBelowCents} then t.self_touches else 0 end), 0) as lowSelfService
    from members m
    left join customer_profits cp on cp.contact_id = m.contact_id and cp.period = ${period}
    left join buys b on b.contact_id = m.contact_id
    left join touches t on t.contact_id = m.contact_id
    group by m.segment`.execute(db);
  return rows;
}

/**
 * Members of a segment who bought in the period before and not in this one: the segment's lost
 * customers. Seeks each member's purchases by the by-contact index instead of grouping them all.
 */
export function lostMembers(segment: string, span: Span, before: Span) {
  const bought = (from: string, to: string) => sql`exists (
    select 1 from purchases p
    where p.contact_id = v.contact_id and p.deleted_at is null and p.occurred_on between ${from} and ${to} and p.kind <> 'refund')`;
  return sql<{ contact_id: string }>`
    select v.contact_id from customer_values v
    where (v.tier = ${segment} or v.stage = ${segment}) and ${bought(before.from, before.to)} and not ${bought(span.from, span.to)}`;
}

/** A period's live purchases with their net revenue: sales and closings less discounts, refunds negative. */
function netPurchases(from: string, to: string) {
  return sql`
    select p.contact_id, p.channel, p.kind, p.occurred_on, p.product_cost_cents, p.channel_cost_cents,
      case when p.kind = 'refund' then -p.gross_cents else p.gross_cents - p.discount_cents end as net
    from purchases p not indexed join contacts c on c.id = p.contact_id and c.deleted_at is null
    where p.deleted_at is null and p.occurred_on between ${from} and ${to}`;
}

export type ChannelSums = { channel: string; purchases: number; revenue: number; channelCost: number; productCost: number };

export async function channelSums(db: Kysely<Database>, span: Span): Promise<ChannelSums[]> {
  const { rows } = await sql<ChannelSums>`
    select channel, count(*) as purchases, sum(net) as revenue, sum(channel_cost_cents) as channelCost, sum(product_cost_cents) as productCost
    from (${netPurchases(span.from, span.to)}) group by channel`.execute(db);
  return rows;
}

/**
 * Each customer's cost to serve in the period, shared across channels by their
 * net revenue through each (unrounded); without revenue it goes to the unknown channel ('').
 */
export async function costToServeByChannel(db: Kysely<Database>, period: ProfitPeriod, span: Span): Promise<{ shares: Array<{ channel: string; share: number }>; total: number }> {
  const { rows } = await sql<{ channel: string; share: number }>`
    with
    inside as materialized (${netPurchases(span.from, span.to)}),
    per_channel as (select contact_id, channel, sum(net) as net from inside group by contact_id, channel),
    per_customer as (select contact_id, sum(net) as net from inside group by contact_id),
    serve as (select contact_id, cost_to_serve_cents as cts from customer_profits where period = ${period} and cost_to_serve_cents <> 0)
    select pc.channel, sum(s.cts * 1.0 * pc.net / t.net) as share
    from serve s join per_customer t on t.contact_id = s.contact_id and t.net > 0
    join per_channel pc on pc.contact_id = s.contact_id
    group by pc.channel
    union all
    select '', sum(s.cts) from serve s left join per_customer t on t.contact_id = s.contact_id
    where t.net is null or t.net <= 0`.execute(db);
  const total = await sql<{ total: number }>`select coalesce(sum(cost_to_serve_cents), 0) as total from customer_profits where period = ${period}`.execute(db);
  return { shares: rows.filter((row) => row.share !== null), total: total.rows[0]?.total ?? 0 };
}

/** `case` turning a date or instant into its quarter's name, for the eight quarters (oldest first). */
function quarterOf(column: RawBuilderLike, quarters: Quarter[], bound: 'from' | 'fromAt') {
  const arms = quarters.slice(1).map((quarter, index) => sql`when ${column} < ${quarter[bound]} then ${quarters[index]!.quarter}`);
  return sql`case ${sql.join(arms, sql` `)} else ${quarters.at(-1)!.quarter} end`;
}
type RawBuilderLike = ReturnType<typeof sql.ref>;

export type QuarterSums = { quarter: string; revenue: number; costs: number; customers: number };

/** Net revenue, product and channel costs, buying customers, and cost to serve per quarter. */
export async function quarterSums(db: Kysely<Database>, quarters: Quarter[]): Promise<{ money: QuarterSums[]; serve: Array<{ quarter: string; serve: number }> }> {
  const first = quarters[0]!;
  const last = quarters.at(-1)!;
  const { rows: money } = await sql<QuarterSums>`
    select ${quarterOf(sql.ref('occurred_on'), quarters, 'from')} as quarter, sum(net) as revenue,
      sum(product_cost_cents + channel_cost_cents) as costs,
      count(distinct case when kind <> 'refund' then contact_id end) as customers
    from (${netPurchases(first.from, last.to)}) group by 1`.execute(db);
  const { rows: serve } = await sql<{ quarter: string; serve: number }>`
    select ${quarterOf(sql.ref('i.occurred_at'), quarters, 'fromAt')} as quarter, sum(i.cost_to_serve_cents) as serve
    from interactions i
    where i.deleted_at is null and i.occurred_at >= ${first.fromAt} and i.occurred_at < ${last.toAt}
      and i.contact_id in (select contact_id from customer_profits where period = 'all_time')
    group by 1`.execute(db);
  return { money, serve };
}

/**
 * Each live contact's latest move on or before each quarter's last day: the ladder at the quarter's end.
 * Each move holds from its day until the contact's next move, so one pass over the moves serves all quarters.
 */
export async function ladderAtQuarterEnds(db: Kysely<Database>, quarters: Quarter[]): Promise<Array<{ quarter: string; stage: LoyaltyStage; count: number }>> {
  const ends = sql.join(quarters.map((quarter) => sql`(${quarter.quarter}, ${quarter.to})`));
  const { rows } = await sql<{ quarter: string; stage: LoyaltyStage; count: number }>`
    with
    ends(quarter, end_on) as (values ${ends}),
    held as (
      select m.to_stage, m.moved_on,
        lead(m.moved_on) over (partition by m.contact_id order by m.moved_on, m.moved_at, m.id) as next_on
      from loyalty_moves m join contacts c on c.id = m.contact_id and c.deleted_at is null
    )
    select e.quarter, h.to_stage as stage, count(*) as count
    from held h join ends e on h.moved_on <= e.end_on and (h.next_on is null or h.next_on > e.end_on)
    where h.to_stage is not null
    group by e.quarter, h.to_stage`.execute(db);
  return rows;
}

export async function unprofitableCount(db: Kysely<Database>, period: ProfitPeriod, unprofitableBelowCents: number): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*) as count from customer_profits where period = ${period} and profit_cents < ${unprofitableBelowCents}`.execute(db);
  return rows[0]?.count ?? 0;
}

/** For all time's first day: the earliest purchase and the earliest addition among the contacts on the P&L. */
export async function earliestStarts(db: Kysely<Database>): Promise<{ purchasedOn: string | null; addedAt: string | null }> {
  const { rows } = await sql<{ purchasedOn: string | null; addedAt: string | null }>`
    select
      (select min(p.occurred_on) from purchases p join customer_profits cp on cp.contact_id = p.contact_id and cp.period = 'all_time' where p.deleted_at is null) as purchasedOn,
      (select min(c.created_at) from contacts c join customer_profits cp on cp.contact_id = c.id and cp.period = 'all_time') as addedAt`.execute(db);
  return rows[0] ?? { purchasedOn: null, addedAt: null };
}

export async function replaceOverviews(db: Kysely<Database>, rows: Array<{ period: ProfitPeriod; computed_at: string; figures: string }>): Promise<void> {
  await db.deleteFrom('insights_overviews').execute();
  if (rows.length > 0) await db.insertInto('insights_overviews').values(rows).execute();
}

export async function findOverview(db: Kysely<Database>, period: ProfitPeriod) {
  return db.selectFrom('insights_overviews').selectAll().where('period', '=', period).executeTakeFirst();
}

export async function findRun(db: Kysely<Database>) {
  return db.selectFrom('insights_runs').selectAll().where('id', '=', 1).executeTakeFirst();
}
