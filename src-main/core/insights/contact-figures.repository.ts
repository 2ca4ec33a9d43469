import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import type { Database } from '../db/schema.ts';
import { lastQuarters, periodSpan, previousSpan } from './profit-periods.ts';

// The recompute's figures all start from the same sums: each contact's purchases
// and interactions in each period. They are summed here once, in one pass over
// each table, into temp tables the P&L and the overview then read (a few hundred
// thousand rows instead of two million, read three times per period).
// The passes read the tables in order (`not indexed`): walking a by-contact index
// reads the table at random, a page a row once the data outgrows SQLite's cache.

const periods: ProfitPeriod[] = ['this_year', 'last_12_months', 'all_time'];

/** Each period's columns in the temp tables are prefixed: `ty_revenue` is this year's revenue. */
export const periodPrefix: Record<ProfitPeriod, string> = { this_year: 'ty', last_12_months: 'l12', all_time: 'all' };

/** A period's column of a temp table, e.g. `pc.ty_count`. */
export function periodColumn(table: string, period: ProfitPeriod, line: string): RawBuilder<number> {
  return sql<number>`${sql.ref(`${table}.${periodPrefix[period]}_${line}`)}`;
}

/** Purchase lines summed per period; all time's cover every row the pass reads. */
function purchaseColumns(today: string): RawBuilder<unknown> {
  const columns = periods.map((period) => {
    const prefix = periodPrefix[period];
    const { from } = periodSpan(period, today);
    const inside = period === 'all_time' ? sql`1` : sql`p.occurred_on >= ${from}`;
    const before = previousSpan(period, today);
    return sql`
      sum(case when ${inside} and p.kind <> 'refund' then p.gross_cents else 0 end) as ${sql.ref(`${prefix}_revenue`)},
      sum(case when ${inside} then (case when p.kind = 'refund' then p.gross_cents else p.discount_cents end) else 0 end) as ${sql.ref(`${prefix}_allowances`)},
      sum(case when ${inside} then p.product_cost_cents else 0 end) as ${sql.ref(`${prefix}_product`)},
      sum(case when ${inside} then p.channel_cost_cents else 0 end) as ${sql.ref(`${prefix}_channel`)},
      sum(${inside}) as ${sql.ref(`${prefix}_count`)},
      max(${inside} and p.kind <> 'refund') as ${sql.ref(`${prefix}_bought`)},
      max(p.occurred_on between ${before.from} and ${before.to} and p.kind <> 'refund') as ${sql.ref(`${prefix}_before`)}`;
  });
  // Per quarter of the last eight, a sale or closing in it: the quarter drill-down's bits.
  const quarters = lastQuarters(today).map(({ from, to }, index) => sql`max(p.occurred_on between ${from} and ${to} and p.kind <> 'refund') as ${sql.ref(`q${index}_bought`)}`);
  return sql.join([...columns, ...quarters]);
}

/** Per contact: the cost to serve, the interactions and the self-service ones in each period; the cost to serve since each quarter began. */
function serveColumns(today: string): RawBuilder<unknown> {
  const columns = periods.map((period) => {
    const prefix = periodPrefix[period];
    const inside = period === 'all_time' ? sql`1` : sql`i.occurred_at >= ${periodSpan(period, today).fromAt}`;
    return sql`
      sum(case when ${inside} then i.cost_to_serve_cents else 0 end) as ${sql.ref(`${prefix}_serve`)},
      sum(${inside}) as ${sql.ref(`${prefix}_touches`)},
      sum(${inside} and i.kind = 'self_service') as ${sql.ref(`${prefix}_self`)}`;
  });
  // From each of the last eight quarters' first instant on: a quarter's is the difference of two.
  const quarters = lastQuarters(today).map(({ fromAt }, index) => sql`sum(case when i.occurred_at >= ${fromAt} then i.cost_to_serve_cents else 0 end) as ${sql.ref(`q${index}_serve`)}`);
  return sql.join([...columns, ...quarters]);
}

/** The contacts in the Trash. */
const deletedContacts = sql`select id from contacts where deleted_at is not null`;

const rollUp = periods.flatMap((period) => {
  const prefix = periodPrefix[period];
  return [
    ...['revenue', 'allowances', 'product', 'channel', 'count'].map((line) => `sum(${prefix}_${line}) as ${prefix}_${line}`),
    ...['bought', 'before'].map((flag) => `max(${prefix}_${flag}) as ${prefix}_${flag}`),
    // A bit per channel bought through in the period; a channel beyond insights_channels' bits has none.
    `sum(case when ${prefix}_count > 0 then coalesce(1 << ch.bit, 0) else 0 end) as ${prefix}_channels`,
  ];
});
const quarterBits = Array.from({ length: 8 }, (_, index) => `max(q${index}_bought) * ${2 ** index}`).join(' + ');

/**
 * Writes the temp tables the figures are read from, as of `today`:
 * - purchase_figures: per contact and channel, the live purchases up to today, summed per period
 *   (revenue, allowances, product and channel costs, how many; bought (a sale or closing) in it and in the period before);
 * - contact_figures: the same per contact, with the days of their first and last purchases;
 * - serve_figures: per contact, the live interactions up to today's end, summed per period.
 * Only live contacts' rows are kept: contacts in the Trash are taken out after each pass (a few rows, by
 * their index), not joined row by row.
 */
export async function writeContactFigures(db: Kysely<Database>, today: string): Promise<void> {
  await dropContactFigures(db);
  const { toAt } = periodSpan('all_time', today);
  await sql`create temp table purchase_figures as
    select p.contact_id, p.channel, min(p.occurred_on) as first_on, max(p.occurred_on) as last_on, ${purchaseColumns(today)}
    from purchases p not indexed
    where p.deleted_at is null and p.occurred_on <= ${today}
    group by p.contact_id, p.channel`.execute(db);
  await sql`delete from purchase_figures where contact_id in (${deletedContacts})`.execute(db);
  await sql`create index temp.purchase_figures_by_contact on purchase_figures (contact_id)`.execute(db);
  await writeChannelBits(db);
  await sql`create temp table contact_figures as
    select contact_id, min(first_on) as first_on, max(last_on) as last_on, ${sql.raw(rollUp.join(', '))}, ${sql.raw(quarterBits)} as quarters
    from purchase_figures pf left join channel_bits ch on ch.channel = pf.channel
    group by contact_id`.execute(db);
  await sql`create unique index temp.contact_figures_by_contact on contact_figures (contact_id)`.execute(db);
  await sql`create temp table serve_figures as
    select i.contact_id, ${serveColumns(today)}
    from interactions i not indexed
    where i.deleted_at is null and i.occurred_at < ${toAt}
    group by i.contact_id`.execute(db);
  await sql`delete from serve_figures where contact_id in (${deletedContacts})`.execute(db);
  await sql`create unique index temp.serve_figures_by_contact on serve_figures (contact_id)`.execute(db);
}

/** Numbers the channels of the live purchases for the drill-downs' bits, the busiest first: 63 fit in an integer's bits. */
async function writeChannelBits(db: Kysely<Database>): Promise<void> {
  await sql`create temp table channel_bits as
    select channel, row_number() over (order by count(*) desc, channel) - 1 as bit from purchase_figures group by channel order by 2 limit 63`.execute(db);
}

/** Stores the channels' bits beside the P&L rows that use them (in the recompute's write). */
export async function saveChannelBits(db: Kysely<Database>): Promise<void> {
  await sql`delete from insights_channels`.execute(db);
  await sql`insert into insights_channels (channel, bit) select channel, bit from temp.channel_bits`.execute(db);
}

export async function dropContactFigures(db: Kysely<Database>): Promise<void> {
  for (const table of ['purchase_figures', 'channel_bits', 'contact_figures', 'serve_figures', 'member_figures']) await sql`drop table if exists ${sql.raw(`temp.${table}`)}`.execute(db);
}
