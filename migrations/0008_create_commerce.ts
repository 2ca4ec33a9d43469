import { sql, type Kysely } from 'kysely';

// Frozen: this file describes the schema as it was when it landed. Change the
// schema with a new numbered migration, never by editing this one.

// Purchases and what is learned from them. A purchase is a sale, a closing or a
// refund on a calendar date, its money in integer cents of the one currency in
// settings. An import is a batch that can be undone as one. A customer's id in
// another system (a point-of-sale customer number) points at one contact, so the
// next export of that system finds the same people.
//
// Likelihood-to-recommend scores are dated evidence; a stage set by hand is an
// override with its reason; every move on the ladder is kept, so the ladder can
// be drawn over time. customer_values, customer_profits and insights_runs are
// derived, as is insights_overviews: the background recompute rewrites them
// from the tables above.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('purchase_imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('imported', 'integer', (col) => col.notNull())
    .addColumn('created_contacts', 'integer', (col) => col.notNull())
    .addColumn('skipped', 'integer', (col) => col.notNull())
    .addColumn('undone_at', 'text')
    .execute();

  await db.schema
    .createTable('purchase_import_contacts')
    .addColumn('batch_id', 'text', (col) => col.notNull().references('purchase_imports.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('purchase_import_contacts_pk', ['batch_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('purchases')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('sale', 'closing', 'refund')`))
    .addColumn('occurred_on', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('gross_cents', 'integer', (col) => col.notNull().check(sql`gross_cents >= 0`))
    .addColumn('discount_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`discount_cents >= 0`))
    .addColumn('discount_reason', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('product_cost_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`product_cost_cents >= 0`))
    .addColumn('channel', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('channel_cost_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`channel_cost_cents >= 0`))
    .addColumn('order_ref', 'text')
    .addColumn('import_batch_id', 'text', (col) => col.references('purchase_imports.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // Covers the recompute's per-customer sums (deleted_at included so SQLite knows it covers them): a scan of this index alone.
  await sql`create index purchases_by_contact on purchases (contact_id, occurred_on, kind, gross_cents, discount_cents, product_cost_cents, deleted_at) where deleted_at is null`.execute(db);
  await sql`create index purchases_by_day on purchases (occurred_on) where deleted_at is null`.execute(db);
  await sql`create index purchases_by_batch on purchases (import_batch_id) where import_batch_id is not null`.execute(db);

  await db.schema
    .createTable('customer_refs')
    .addColumn('external_id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .execute();
  await sql`create index customer_refs_by_contact on customer_refs (contact_id)`.execute(db);

  await db.schema
    .createTable('nps_scores')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('score', 'integer', (col) => col.notNull().check(sql`score between 0 and 10`))
    .addColumn('scored_on', 'text', (col) => col.notNull())
    .addColumn('comment', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // The ladder's complaints: a small part of the interactions, read for every contact at each recompute.
  await sql`create index interactions_complaints on interactions (contact_id, occurred_at) where kind = 'complaint' and deleted_at is null`.execute(db);
  await sql`create index nps_scores_by_contact on nps_scores (contact_id, scored_on) where deleted_at is null`.execute(db);

  await db.schema
    .createTable('loyalty_overrides')
    .addColumn('contact_id', 'text', (col) => col.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('stage', 'text', (col) => col.notNull().check(sql`stage in ('detractor', 'at_risk', 'movable', 'ambassador')`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('set_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('loyalty_moves')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('moved_at', 'text', (col) => col.notNull())
    .addColumn('moved_on', 'text', (col) => col.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (col) => col.check(sql`to_stage in ('detractor', 'at_risk', 'movable', 'ambassador')`))
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('rules', 'override')`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .execute();
  await sql`create index loyalty_moves_by_contact on loyalty_moves (contact_id, moved_at)`.execute(db);
  await sql`create index loyalty_moves_by_day on loyalty_moves (moved_on)`.execute(db);

  await db.schema
    .createTable('customer_values')
    .addColumn('contact_id', 'text', (col) => col.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('computed_at', 'text', (col) => col.notNull())
    .addColumn('first_purchase_on', 'text')
    .addColumn('last_purchase_on', 'text')
    .addColumn('purchases', 'integer', (col) => col.notNull())
    .addColumn('historical_cents', 'integer', (col) => col.notNull())
    .addColumn('expected_purchases', 'real')
    .addColumn('expected_spend_cents', 'integer')
    .addColumn('p_alive', 'real')
    .addColumn('predicted_clv_cents', 'integer', (col) => col.notNull())
    .addColumn('tier', 'text', (col) => col.check(sql`tier in ('top', 'middle', 'rest')`))
    .addColumn('stage', 'text', (col) => col.check(sql`stage in ('detractor', 'at_risk', 'movable', 'ambassador')`))
    .addColumn('stage_reason', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('stage_source', 'text', (col) => col.check(sql`stage_source in ('rules', 'override')`))
    .execute();
  await sql`create index customer_values_by_stage on customer_values (stage)`.execute(db);
  await sql`create index customer_values_by_tier on customer_values (tier, predicted_clv_cents)`.execute(db);

  await db.schema
    .createTable('customer_profits')
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('period', 'text', (col) => col.notNull().check(sql`period in ('this_year', 'last_12_months', 'all_time')`))
    .addColumn('revenue_cents', 'integer', (col) => col.notNull())
    .addColumn('allowances_cents', 'integer', (col) => col.notNull())
    .addColumn('product_cost_cents', 'integer', (col) => col.notNull())
    .addColumn('channel_cost_cents', 'integer', (col) => col.notNull())
    .addColumn('cost_to_serve_cents', 'integer', (col) => col.notNull())
    .addColumn('admin_cost_cents', 'integer', (col) => col.notNull())
    .addColumn('profit_cents', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('customer_profits_pk', ['period', 'contact_id'])
    .execute();
  await sql`create index customer_profits_by_profit on customer_profits (period, profit_cents)`.execute(db);

  // The Insights view's figures per period, as JSON, written by the same recompute.
  await db.schema
    .createTable('insights_overviews')
    .addColumn('period', 'text', (col) => col.primaryKey().check(sql`period in ('this_year', 'last_12_months', 'all_time')`))
    .addColumn('computed_at', 'text', (col) => col.notNull())
    .addColumn('figures', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('insights_runs')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('computed_at', 'text', (col) => col.notNull())
    .addColumn('as_of', 'text', (col) => col.notNull())
    .addColumn('model', 'text', (col) => col.notNull().check(sql`model in ('bgnbd', 'simple', 'none')`))
    .addColumn('model_reason', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('customers', 'integer', (col) => col.notNull())
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index interactions_complaints`.execute(db);
  for (const table of [
    'insights_runs',
    'insights_overviews',
    'customer_profits',
    'customer_values',
    'loyalty_moves',
    'loyalty_overrides',
    'nps_scores',
    'customer_refs',
    'purchases',
    'purchase_import_contacts',
    'purchase_imports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
