import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import type { Database } from '../db/schema.ts';
import type { CustomerProfitRow } from './insights.table.ts';
import { offsetChanges, periodSpan, startOfDay, type OffsetChange } from './profit-periods.ts';

/** A contact's P&L lines, and the day they became a customer (or were added): all time's first day. */
export type ProfitLines = CustomerProfitRow & { became_on: string };

/** Who the P&L is computed for: every customer (and every contact on the ladder), or one contact. */
type Whom = { every: true } | { contactId: string };

/** The local day of a stored instant, with the time zone's offsets as plain arithmetic. */
export function localDay(column: RawBuilder<unknown>, offsets: OffsetChange[]): RawBuilder<string> {
  const arms = offsets.map(({ since, minutes }) => sql`when ${column} >= ${since} then ${`${minutes >= 0 ? '+' : ''}${minutes} minutes`}`);
  return sql<string>`date(${column}, case ${sql.join(arms, sql` `)} end)`;
}

/** The time zone's offsets from the first contact's creation to today. */
export async function offsetsSinceFirstContact(db: Kysely<Database>, today: string): Promise<OffsetChange[]> {
  const first = await db.selectFrom('contacts').select((eb) => eb.fn.min('created_at').as('first')).executeTakeFirst();
  const end = Date.parse(startOfDay(today)) + 2 * 86_400_000;
  return offsetChanges(Math.min(first?.first ? Date.parse(first.first) : end, end), end);
}

const periods: ProfitPeriod[] = ['this_year', 'last_12_months', 'all_time'];
const prefixes: Record<ProfitPeriod, string> = { this_year: 'ty', last_12_months: 'l12', all_time: 'all' };

/** Per period, the column of a per-contact sum: `ps.ty_revenue` for this year. */
function perPeriod(table: string, line: string): RawBuilder<number> {
  return sql<number>`coalesce(case s.period when 'this_year' then ${sql.ref(`${table}.ty_${line}`)} when 'last_12_months' then ${sql.ref(`${table}.l12_${line}`)} else ${sql.ref(`${table}.all_${line}`)} end, 0)`;
}

/**
 * The P&L lines of each contact for each period, as one set-based query: one
 * pass over purchases and one over interactions, grouped by contact, each line
 * summed for the three periods at once.
 *
 * - revenue: gross of sales and closings; allowances: their discounts plus the gross of refunds;
 * - product and channel costs: of every kind; cost to serve: of the live interactions in the period;
 * - admin: the yearly amount × the period's days on or after they became a customer / 365, to the cent.
 */
function profitLines(today: string, adminPerYearCents: number, offsets: OffsetChange[], whom: Whom, only?: ProfitPeriod): RawBuilder<ProfitLines> {
  const spans = periods.map((period) => ({ period, ...periodSpan(period, today) }));
  const purchaseColumns = spans.map(({ period, from }) => {
    const prefix = prefixes[period];
    const inside = sql`p.occurred_on >= ${from}`;
    return sql`
      sum(case when ${inside} and p.kind <> 'refund' then p.gross_cents else 0 end) as ${sql.ref(`${prefix}_revenue`)},
      sum(case when ${inside} then (case when p.kind = 'refund' then p.gross_cents else p.discount_cents end) else 0 end) as ${sql.ref(`${prefix}_allowances`)},
      sum(case when ${inside} then p.product_cost_cents else 0 end) as ${sql.ref(`${prefix}_product`)},
      sum(case when ${inside} then p.channel_cost_cents else 0 end) as ${sql.ref(`${prefix}_channel`)}`;
  });
  // All time counts every interaction up to today, even one dated before the contact was added.
  const serveColumns = spans.map(({ period, fromAt }) =>
    sql`sum(case when i.occurred_at >= ${fromAt} then i.cost_to_serve_cents else 0 end) as ${sql.ref(`${prefixes[period]}_serve`)}`,
  );
  const toAt = spans[0]!.toAt;
  const onePurchaser = 'contactId' in whom ? sql`and p.contact_id = ${whom.contactId}` : sql``;
  const members =
    'contactId' in whom
      ? sql`c.id = ${whom.contactId}`
      : sql`(ps.contact_id is not null or exists (select 1 from customer_values v where v.contact_id = c.id))`;
  // One contact's own page shows their P&L even from the Trash; the snapshot holds live contacts only.
  const liveContact = 'contactId' in whom ? sql`1` : sql`c.deleted_at is null`;
  // Over everyone, one pass in table order: walking a by-contact index reads the table at random,
  // a page a row once the data outgrows SQLite's cache (seconds at a million rows).
  const whole = 'contactId' in whom ? sql`` : sql`not indexed`;
  const spanRows = sql.join(spans.map(({ period, from }) => sql`(${period}, ${from})`));
  return sql<ProfitLines>`
    with
    spans(period, from_on) as (values ${spanRows}),
    purchase_sums as (
      select p.contact_id, min(p.occurred_on) as first_on, ${sql.join(purchaseColumns)}
      from purchases p ${whole} join contacts c on c.id = p.contact_id
      where p.deleted_at is null and ${liveContact} and p.occurred_on <= ${today} ${onePurchaser}
      group by p.contact_id
    ),
    members as materialized (
      select c.id as contact_id, ps.first_on, min(coalesce(ps.first_on, '9999-12-31'), ${localDay(sql.ref('c.created_at'), offsets)}) as became_on
      from contacts c left join purchase_sums ps on ps.contact_id = c.id
      where ${liveContact} and ${members}
    ),
    serve_sums as (
      select i.contact_id, ${sql.join(serveColumns)}
      from interactions i ${whole} join members m on m.contact_id = i.contact_id
      where i.deleted_at is null and i.occurred_at < ${toAt}
      group by i.contact_id
    ),
    lines as (
      select m.contact_id, s.period, m.became_on,
        ${perPeriod('ps', 'revenue')} as revenue_cents,
        ${perPeriod('ps', 'allowances')} as allowances_cents,
        ${perPeriod('ps', 'product')} as product_cost_cents,
        ${perPeriod('ps', 'channel')} as channel_cost_cents,
        ${perPeriod('ss', 'serve')} as cost_to_serve_cents,
        case when m.first_on is null then 0
          else (cast(${adminPerYearCents} as integer) * max(0, cast(julianday(${today}) - julianday(max(s.from_on, m.became_on)) as integer) + 1) * 2 + 365) / 730
        end as admin_cost_cents
      from members m cross join spans s
      left join purchase_sums ps on ps.contact_id = m.contact_id
      left join serve_sums ss on ss.contact_id = m.contact_id
      ${only === undefined ? sql`` : sql`where s.period = ${only}`}
    )
    select contact_id, period, became_on, revenue_cents, allowances_cents, product_cost_cents, channel_cost_cents, cost_to_serve_cents, admin_cost_cents,
      revenue_cents - allowances_cents - product_cost_cents - channel_cost_cents - cost_to_serve_cents - admin_cost_cents as profit_cents
    from lines`;
}

const profitColumns = sql.raw(
  'contact_id, period, revenue_cents, allowances_cents, product_cost_cents, channel_cost_cents, cost_to_serve_cents, admin_cost_cents, profit_cents',
);

/** Rewrites customer_profits: every customer and every contact on the ladder, for each period as of `today`. */
export async function rewriteCustomerProfits(db: Kysely<Database>, today: string, adminPerYearCents: number): Promise<void> {
  await db.deleteFrom('customer_profits').execute();
  await sql`insert into customer_profits (${profitColumns})
    select ${profitColumns} from (${profitLines(today, adminPerYearCents, await offsetsSinceFirstContact(db, today), { every: true })})`.execute(db);
}

/** One contact's P&L lines for a period, computed now from their purchases and history; undefined when the contact is gone. */
export async function liveProfitOf(
  db: Kysely<Database>,
  contactId: string,
  period: ProfitPeriod,
  today: string,
  adminPerYearCents: number,
): Promise<ProfitLines | undefined> {
  const { rows } = await profitLines(today, adminPerYearCents, await offsetsSinceFirstContact(db, today), { contactId }, period).execute(db);
  return rows[0];
}
