import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// The Insights drill-downs by channel, by quarter, the lost customers of a
// segment and the customers without a purchase in the period read facts the
// recompute already has while it sums the purchases. Stored beside each
// customer's P&L lines, a drill-down is a walk of customer_profits instead of a
// pass over a million purchases:
// - purchased: any live purchase in the period; bought: a sale or closing in it;
//   bought_before: a sale or closing in the period of equal length just before;
// - channels: one bit per channel bought through in the period, the bit of each
//   channel in insights_channels (as of the same recompute);
// - quarters: one bit per quarter with a sale or closing, bit 0 the oldest of the
//   eight quarters up to the recompute's day (insights_runs.as_of).
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['purchased', 'bought', 'bought_before', 'channels', 'quarters']) {
    await sql`alter table customer_profits add column ${sql.ref(column)} integer not null default 0`.execute(db);
  }
  // The lost customers of a period: bought in the period before, not in this one. A few of each period's rows.
  await sql`create index customer_profits_lost on customer_profits (period, contact_id) where bought_before = 1 and bought = 0`.execute(db);
  // The counts of the drill-downs by these facts read this index alone, not each row of a period.
  await sql`create index customer_profits_facts on customer_profits (period, purchased, channels, quarters, cost_to_serve_cents)`.execute(db);
  // A range of lifetime values (a bin of the chart) among the customers with a purchase.
  await sql`create index customer_values_by_clv on customer_values (predicted_clv_cents) where purchases > 0`.execute(db);
  await db.schema
    .createTable('insights_channels')
    .addColumn('channel', 'text', (col) => col.primaryKey())
    .addColumn('bit', 'integer', (col) => col.notNull().unique().check(sql`bit between 0 and 62`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('insights_channels').execute();
  await sql`drop index customer_values_by_clv`.execute(db);
  await sql`drop index customer_profits_facts`.execute(db);
  await sql`drop index customer_profits_lost`.execute(db);
  for (const column of ['quarters', 'channels', 'bought_before', 'bought', 'purchased']) {
    await sql`alter table customer_profits drop column ${sql.ref(column)}`.execute(db);
  }
}
