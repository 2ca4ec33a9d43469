import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import type { Database } from '../db/schema.ts';
import { periodPrefix } from './contact-figures.repository.ts';
import type { CustomerProfitRow } from './insights.table.ts';
import { offsetChanges, periodSpan, startOfDay, type OffsetChange } from './profit-periods.ts';

/** The yearly administrative cost per customer, and how long after their last purchase they are still kept (settings.loyalty.activeDays). */
export type AdminCost = { perYearCents: number; activeDays: number };

/**
 * The admin cost of a customer over a period starting `from`: the yearly amount × their days in it / 365, to the cent.
 * Their days run from when they became a customer up to `activeDays` after their last purchase (a lapsed
 * customer is no longer one you keep records and mailings for), never after today. None without a purchase.
 */
function adminCost(admin: AdminCost, today: string, from: RawBuilder<unknown>, cols: { firstOn: RawBuilder<unknown>; lastOn: RawBuilder<unknown>; becameOn: RawBuilder<unknown> }): RawBuilder<number> {
  const endOn = sql`min(${today}, date(${cols.lastOn}, ${`+${admin.activeDays} days`}))`;
  return sql<number>`case when ${cols.firstOn} is null then 0
    else (cast(${admin.perYearCents} as integer) * max(0, cast(julianday(${endOn}) - julianday(max(${from}, ${cols.becameOn})) as integer) + 1) * 2 + 365) / 730 end`;
}

/** A contact's P&L lines, and the day they became a customer (or were added): all time's first day. */
export type ProfitLines = Omit<CustomerProfitRow, 'purchased' | 'bought' | 'bought_before' | 'channels' | 'quarters'> & { became_on: string };

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

/** Per period, the column of a per-contact sum: `ps.ty_revenue` for this year. */
function perPeriod(table: string, line: string): RawBuilder<number> {
  const arm = (period: ProfitPeriod) => sql.ref(`${table}.${periodPrefix[period]}_${line}`);
  return sql<number>`coalesce(case s.period when 'this_year' then ${arm('this_year')} when 'last_12_months' then ${arm('last_12_months')} else ${arm('all_time')} end, 0)`;
}

/**
 * The P&L lines of the contacts in `members` (contact_id, first_on, became_on) for each period,
 * from their purchases' sums in `ps` and their interactions' in `ss` (columns prefixed per period):
 *
 * - revenue: gross of sales and closings; allowances: their discounts plus the gross of refunds;
 * - product and channel costs: of every kind; cost to serve: of the live interactions in the period
 *   (all time's counts every interaction up to today, even one dated before the contact was added);
 * - admin: the yearly amount × the period's days from when they became a customer up to `activeDays` after
 *   their last purchase (never after today) / 365, to the cent.
 */
function profitLines(today: string, admin: AdminCost, sums: { ctes: RawBuilder<unknown>; ps: string; ss: string }, only?: ProfitPeriod): RawBuilder<ProfitLines> {
  const spanRows = sql.join(periods.map((period) => sql`(${period}, ${periodSpan(period, today).from})`));
  return sql<ProfitLines>`
    with
    spans(period, from_on) as (values ${spanRows}),
    ${sums.ctes},
    lines as (
      select m.contact_id, s.period, m.became_on,
        ${perPeriod('ps', 'revenue')} as revenue_cents,
        ${perPeriod('ps', 'allowances')} as allowances_cents,
        ${perPeriod('ps', 'product')} as product_cost_cents,
        ${perPeriod('ps', 'channel')} as channel_cost_cents,
        ${perPeriod('ss', 'serve')} as cost_to_serve_cents,
        ${adminCost(admin, today, sql.ref('s.from_on'), { firstOn: sql.ref('m.first_on'), lastOn: sql.ref('m.last_on'), becameOn: sql.ref('m.became_on') })} as admin_cost_cents
      from members m cross join spans s
      left join ${sql.raw(sums.ps)} ps on ps.contact_id = m.contact_id
      left join ${sql.raw(sums.ss)} ss on ss.contact_id = m.contact_id
      ${only === undefined ? sql`` : sql`where s.period = ${only}`}
    )
    select contact_id, period, became_on, revenue_cents, allowances_cents, product_cost_cents, channel_cost_cents, cost_to_serve_cents, admin_cost_cents,
      revenue_cents - allowances_cents - product_cost_cents - channel_cost_cents - cost_to_serve_cents - admin_cost_cents as profit_cents
    from lines`;
}

/** When they became a customer: their first purchase, or the day they were added if earlier. */
const becameOn = (firstOn: RawBuilder<unknown>, offsets: OffsetChange[]) => sql`min(coalesce(${firstOn}, '9999-12-31'), ${localDay(sql.ref('c.created_at'), offsets)})`;

/** Per period, the P&L lines and the sums the overview reads besides, as columns of member_figures. */
function memberColumns(today: string, admin: AdminCost): RawBuilder<unknown> {
  const sum = (table: string, period: ProfitPeriod, line: string) => sql<number>`coalesce(${sql.ref(`${table}.${periodPrefix[period]}_${line}`)}, 0)`;
  const columns = periods.map((period) => {
    const prefix = periodPrefix[period];
    const name = (line: string) => sql.ref(`${prefix}_${line}`);
    const lines = ['revenue', 'allowances', 'product', 'channel'].map((line) => sum('cf', period, line));
    const serve = sum('sf', period, 'serve');
    const cost = adminCost(admin, today, sql`${periodSpan(period, today).from}`, { firstOn: sql.ref('cf.first_on'), lastOn: sql.ref('cf.last_on'), becameOn: sql.ref('m.became_on') });
    return sql`${lines[0]} as ${name('revenue')}, ${lines[1]} as ${name('allowances')}, ${lines[2]} as ${name('product')}, ${lines[3]} as ${name('channel')},
      ${serve} as ${name('serve')}, ${cost} as ${name('admin')},
      ${lines[0]} - ${lines[1]} - ${lines[2]} - ${lines[3]} - ${serve} - ${cost} as ${name('profit')},
      ${sum('cf', period, 'count')} as ${name('count')}, cf.${name('bought')}, cf.${name('before')},
      sf.${name('touches')}, sf.${name('self')}, coalesce(cf.${name('channels')}, 0) as ${name('channels')}`;
  });
  return sql.join(columns);
}

/**
 * Writes member_figures: one row per contact on the P&L (a live customer, with a purchase up to
 * today, or a live contact with a lifetime value), their P&L lines for each period as columns,
 * and what the overview reads with them: their value, tier and stage, and the sums
 * writeContactFigures left. customer_profits and the overview's figures are read from it.
 */
export async function writeMemberFigures(db: Kysely<Database>, today: string, admin: AdminCost): Promise<void> {
  const offsets = await offsetsSinceFirstContact(db, today);
  const quarters = Array.from({ length: 8 }, (_, index) => sql.raw(`, sf.q${index}_serve`));
  await sql`drop table if exists temp.member_figures`.execute(db);
  await sql`create temp table member_figures as
    with members as (
      select c.id as contact_id, c.created_at, ${becameOn(sql.ref('cf.first_on'), offsets)} as became_on
      from contacts c left join contact_figures cf on cf.contact_id = c.id
      where c.deleted_at is null and (cf.contact_id is not null or exists (select 1 from customer_values v where v.contact_id = c.id))
    )
    select m.contact_id, m.created_at, cf.first_on, coalesce(cf.quarters, 0) as quarters, v.contact_id is not null as valued, v.purchases, v.predicted_clv_cents, v.tier, v.stage,
      ${memberColumns(today, admin)} ${sql.join(quarters, sql``)}
    from members m
    left join contact_figures cf on cf.contact_id = m.contact_id
    left join serve_figures sf on sf.contact_id = m.contact_id
    left join customer_values v on v.contact_id = m.contact_id
    order by m.contact_id`.execute(db);
  await sql`create unique index temp.member_figures_by_contact on member_figures (contact_id)`.execute(db);
}

const profitColumns = [
  'revenue_cents',
  'allowances_cents',
  'product_cost_cents',
  'channel_cost_cents',
  'cost_to_serve_cents',
  'admin_cost_cents',
  'profit_cents',
  'purchased',
  'bought',
  'bought_before',
  'channels',
  'quarters',
];
const written = sql.raw(`(${profitColumns.join(', ')})`);
const incoming = sql.raw(`(${profitColumns.map((column) => `excluded.${column}`).join(', ')})`);
const takeIncoming = sql.raw(profitColumns.map((column) => `${column} = excluded.${column}`).join(', '));

/**
 * Rewrites customer_profits from member_figures: every member, for each period. Only what
 * changed is written: from one run to the next most rows stay the same, and a row left as it
 * is costs a lookup instead of a write to the table and its four indexes.
 */
export async function rewriteCustomerProfits(db: Kysely<Database>): Promise<void> {
  await sql`delete from customer_profits where contact_id not in (select contact_id from member_figures)`.execute(db);
  // Period by period, each in contact order: new rows go in at the primary key's end.
  for (const period of periods) {
    const column = (line: string) => sql.ref(`m.${periodPrefix[period]}_${line}`);
    const lines = ['revenue', 'allowances', 'product', 'channel', 'serve', 'admin', 'profit'].map(column);
    const facts = sql`${column('count')} > 0, coalesce(${column('bought')}, 0), coalesce(${column('before')}, 0), ${column('channels')}, m.quarters`;
    // `where true`: SQLite reads an upsert's select only with a where clause.
    await sql`insert into customer_profits (contact_id, period, ${sql.raw(profitColumns.join(', '))})
      select m.contact_id, ${period}, ${sql.join(lines)}, ${facts} from member_figures m where true order by m.contact_id
      on conflict (period, contact_id) do update set ${takeIncoming} where ${written} is not ${incoming}`.execute(db);
  }
}

/** One contact's P&L lines for a period, computed now from their purchases and history (even from the Trash); undefined when the contact is gone. */
export async function liveProfitOf(
  db: Kysely<Database>,
  contactId: string,
  period: ProfitPeriod,
  today: string,
  admin: AdminCost,
): Promise<ProfitLines | undefined> {
  const offsets = await offsetsSinceFirstContact(db, today);
  const spans = periods.map((period) => ({ period, ...periodSpan(period, today) }));
  const purchaseColumns = spans.map(({ period, from }) => {
    const prefix = periodPrefix[period];
    const inside = sql`p.occurred_on >= ${from}`;
    return sql`
      sum(case when ${inside} and p.kind <> 'refund' then p.gross_cents else 0 end) as ${sql.ref(`${prefix}_revenue`)},
      sum(case when ${inside} then (case when p.kind = 'refund' then p.gross_cents else p.discount_cents end) else 0 end) as ${sql.ref(`${prefix}_allowances`)},
      sum(case when ${inside} then p.product_cost_cents else 0 end) as ${sql.ref(`${prefix}_product`)},
      sum(case when ${inside} then p.channel_cost_cents else 0 end) as ${sql.ref(`${prefix}_channel`)}`;
  });
  const serveColumns = spans.map(({ period, fromAt }) =>
    sql`sum(case when i.occurred_at >= ${fromAt} then i.cost_to_serve_cents else 0 end) as ${sql.ref(`${periodPrefix[period]}_serve`)}`,
  );
  const sums = sql`
    purchase_sums as (
      select p.contact_id, min(p.occurred_on) as first_on, max(p.occurred_on) as last_on, ${sql.join(purchaseColumns)}
      from purchases p
      where p.deleted_at is null and p.occurred_on <= ${today} and p.contact_id = ${contactId}
      group by p.contact_id
    ),
    members as materialized (
      select c.id as contact_id, ps.first_on, ps.last_on, ${becameOn(sql.ref('ps.first_on'), offsets)} as became_on
      from contacts c left join purchase_sums ps on ps.contact_id = c.id
      where c.id = ${contactId}
    ),
    serve_sums as (
      select i.contact_id, ${sql.join(serveColumns)}
      from interactions i
      where i.deleted_at is null and i.occurred_at < ${spans[0]!.toAt} and i.contact_id = ${contactId}
      group by i.contact_id
    )`;
  const { rows } = await profitLines(today, admin, { ctes: sums, ps: 'purchase_sums', ss: 'serve_sums' }, period).execute(db);
  return rows[0];
}
