import { sql, type Kysely } from 'kysely';
import type { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import type { Database } from '../db/schema.ts';
import { periodColumn } from './contact-figures.repository.ts';
import type { Quarter } from './profit-periods.ts';

// The Insights view's figures, each aggregated in SQL over the temp tables the
// recompute has just written (contact-figures.repository.ts, member_figures in
// profit.repository.ts): a few hundred thousand rows, each read once per period.

/** Customers (with a purchase), and everyone on the ladder by stage. */
export async function customersAndLadder(db: Kysely<Database>): Promise<{ customers: number; stages: Array<{ stage: LoyaltyStage; count: number }> }> {
  const { rows } = await sql<{ stage: LoyaltyStage | null; customers: number; count: number }>`
    select stage, sum(purchases > 0) as customers, count(*) as count from member_figures where valued group by stage`.execute(db);
  return {
    customers: rows.reduce((sum, row) => sum + row.customers, 0),
    stages: rows.flatMap((row) => (row.stage === null ? [] : [{ stage: row.stage, count: row.count }])),
  };
}

export async function clvRange(db: Kysely<Database>): Promise<{ low: number | null; high: number | null; p95: number | null }> {
  const { rows } = await sql<{ low: number | null; high: number | null; customers: number }>`
    select min(predicted_clv_cents) as low, max(predicted_clv_cents) as high, count(*) as customers from member_figures where purchases > 0`.execute(db);
  const range = rows[0];
  if (!range || range.customers === 0) return { low: null, high: null, p95: null };
  // The 95th percentile by nearest rank: the value a twentieth of the customers are above.
  const { rows: ranked } = await sql<{ value: number }>`
    select predicted_clv_cents as value from member_figures where purchases > 0
    order by predicted_clv_cents limit 1 offset ${Math.ceil(range.customers * 0.95) - 1}`.execute(db);
  return { low: range.low, high: range.high, p95: ranked[0]?.value ?? range.high };
}

/** Customers per bin of `step` cents from `start`; the last bin takes everything above. */
export async function clvBinCounts(db: Kysely<Database>, start: number, step: number, bins: number): Promise<Map<number, number>> {
  const { rows } = await sql<{ bin: number; count: number }>`
    select min(${bins - 1}, (predicted_clv_cents - cast(${start} as integer)) / cast(${step} as integer)) as bin, count(*) as count
    from member_figures where purchases > 0
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

/**
 * Per CLV tier and per ladder stage (their names are distinct): members, their profit, how many
 * bought (a sale or closing) in the period before and how many of those again in this one, and the
 * interactions (all, self-service) in the period of the members below the unprofitable line.
 */
export async function segmentSums(db: Kysely<Database>, period: ProfitPeriod, unprofitableBelowCents: number): Promise<SegmentSums[]> {
  const column = (line: string) => periodColumn('m', period, line);
  const low = sql`${column('profit')} < ${unprofitableBelowCents}`;
  const sums = sql`count(*) as customers, coalesce(sum(${column('profit')}), 0) as profitSum,
      coalesce(sum(${column('before')}), 0) as boughtBefore,
      coalesce(sum(${column('before')} and ${column('bought')}), 0) as retained,
      coalesce(sum(case when ${low} then ${column('touches')} else 0 end), 0) as lowTouches,
      coalesce(sum(case when ${low} then ${column('self')} else 0 end), 0) as lowSelfService`;
  const { rows } = await sql<SegmentSums>`
    select m.tier as segment, ${sums} from member_figures m where m.tier is not null group by m.tier
    union all
    select m.stage as segment, ${sums} from member_figures m where m.stage is not null group by m.stage`.execute(db);
  return rows;
}

export type ChannelSums = { channel: string; purchases: number; revenue: number; channelCost: number; productCost: number };

/** Net revenue of a temp table's row in the period: sales and closings less discounts, refunds taken off. */
const net = (table: string, period: ProfitPeriod) => sql<number>`(${periodColumn(table, period, 'revenue')} - ${periodColumn(table, period, 'allowances')})`;

/** Per channel, the period's live purchases: how many, net revenue, channel and product costs. */
export async function channelSums(db: Kysely<Database>, period: ProfitPeriod): Promise<ChannelSums[]> {
  const { rows } = await sql<ChannelSums>`
    select pf.channel, sum(${periodColumn('pf', period, 'count')}) as purchases, sum(${net('pf', period)}) as revenue,
      sum(${periodColumn('pf', period, 'channel')}) as channelCost, sum(${periodColumn('pf', period, 'product')}) as productCost
    from purchase_figures pf where ${periodColumn('pf', period, 'count')} > 0
    group by pf.channel`.execute(db);
  return rows;
}

/**
 * The channel key of the cost to serve of customers with no purchase at all in the period. Channels are
 * stored trimmed, so no real channel starts with a space.
 */
export const noPurchaseChannel = ' no purchase';

/**
 * Each customer's cost to serve in the period, shared across the channels of their purchases in it
 * (unrounded): by their net revenue through each, or by how many purchases when they have no net revenue.
 * Customers without a purchase in the period go under noPurchaseChannel.
 */
export async function costToServeByChannel(db: Kysely<Database>, period: ProfitPeriod): Promise<{ shares: Array<{ channel: string; share: number }>; total: number }> {
  const serve = periodColumn('m', period, 'serve');
  const bought = periodColumn('m', period, 'count');
  const { rows } = await sql<{ channel: string; share: number }>`
    select pf.channel, sum(${serve} * 1.0 * (case when ${net('m', period)} > 0 then ${net('pf', period)} * 1.0 / ${net('m', period)}
      else ${periodColumn('pf', period, 'count')} * 1.0 / ${bought} end)) as share
    from member_figures m join purchase_figures pf on pf.contact_id = m.contact_id and ${periodColumn('pf', period, 'count')} > 0
    where ${serve} <> 0 and ${bought} > 0
    group by pf.channel
    union all
    select ${noPurchaseChannel}, sum(${serve}) from member_figures m where ${serve} <> 0 and ${bought} = 0`.execute(db);
  const total = await sql<{ total: number }>`select coalesce(sum(${serve}), 0) as total from member_figures m`.execute(db);
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
    select ${quarterOf(sql.ref('p.occurred_on'), quarters, 'from')} as quarter,
      sum(case when p.kind = 'refund' then -p.gross_cents else p.gross_cents - p.discount_cents end) as revenue,
      sum(p.product_cost_cents + p.channel_cost_cents) as costs,
      count(distinct case when p.kind <> 'refund' then p.contact_id end) as customers
    from purchases p not indexed
    where p.deleted_at is null and p.occurred_on between ${first.from} and ${last.to}
      and p.contact_id not in (select id from contacts where deleted_at is not null)
    group by 1`.execute(db);
  // member_figures holds, per member, the cost to serve from each quarter's first instant on.
  const arms = quarters.map(({ quarter }, index) => {
    const since = (at: number) => sql.ref(`q${at}_serve`);
    const inside = index === quarters.length - 1 ? since(index) : sql`${since(index)} - ${since(index + 1)}`;
    return sql`select ${quarter} as quarter, sum(${inside}) as serve from member_figures`;
  });
  const { rows: serve } = await sql<{ quarter: string; serve: number }>`${sql.join(arms, sql` union all `)}`.execute(db);
  return { money, serve: serve.filter((row) => row.serve !== null) };
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
    held as materialized (
      select m.to_stage, m.moved_on,
        lead(m.moved_on) over (partition by m.contact_id order by m.moved_on, m.moved_at, m.id) as next_on
      from loyalty_moves m
      where m.contact_id not in (select id from contacts where deleted_at is not null)
    )
    select e.quarter, h.to_stage as stage, count(*) as count
    from held h join ends e on h.moved_on <= e.end_on and (h.next_on is null or h.next_on > e.end_on)
    where h.to_stage is not null
    group by e.quarter, h.to_stage`.execute(db);
  return rows;
}

export async function unprofitableCount(db: Kysely<Database>, period: ProfitPeriod, unprofitableBelowCents: number): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*) as count from member_figures m where ${periodColumn('m', period, 'profit')} < ${unprofitableBelowCents}`.execute(db);
  return rows[0]?.count ?? 0;
}

/** For all time's first day: the earliest purchase and the earliest addition among the contacts on the P&L. */
export async function earliestStarts(db: Kysely<Database>): Promise<{ purchasedOn: string | null; addedAt: string | null }> {
  const { rows } = await sql<{ purchasedOn: string | null; addedAt: string | null }>`
    select min(first_on) as purchasedOn, min(created_at) as addedAt from member_figures`.execute(db);
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
