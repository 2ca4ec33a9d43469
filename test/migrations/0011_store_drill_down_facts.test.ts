import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfitTable } from '../../shared/insights/insights.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// A customer with P&L rows written by a recompute of the schema before: the facts
// columns arrive as zeros (a drill-down finds nobody by them until the next recompute),
// the lines stay as they were.
const idOf = (num: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${num}`;

async function writeOldData(db: Kysely<any>): Promise<void> {
  await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, created_at, updated_at)
    values (1, ${idOf(1)}, 'person', 'Ada', 'Ada Lovelace', 'ada lovelace', '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z')`.execute(db);
  for (const period of ['this_year', 'last_12_months', 'all_time']) {
    await sql`insert into customer_profits (contact_id, period, revenue_cents, allowances_cents, product_cost_cents, channel_cost_cents, cost_to_serve_cents, admin_cost_cents, profit_cents)
      values (${idOf(1)}, ${period}, 1000, 0, 200, 0, 0, 100, 700)`.execute(db);
  }
}

const name = '0011_store_drill_down_facts';
const columns = async (db: Kysely<any>) => (await sql<{ name: string }>`select name from pragma_table_info('customer_profits') order by cid`.execute(db)).rows.map((row) => row.name);
const objects = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from sqlite_master where name in ('insights_channels', 'customer_profits_lost', 'customer_profits_facts', 'customer_values_by_clv') order by name`.execute(db)).rows.map((row) => row.name);

describe('migration 0011_store_drill_down_facts over P&L rows of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('adds the facts columns as zeros, the channels table and the drill-down indexes; the lines survive; goes back down', async () => {
    migration = await migrateFilled(name, writeOldData);
    const { db } = migration;
    expect((await columns(db)).slice(-5)).toEqual(['purchased', 'bought', 'bought_before', 'channels', 'quarters']);
    expect(await objects(db)).toEqual(['customer_profits_facts', 'customer_profits_lost', 'customer_values_by_clv', 'insights_channels']);
    const rows = (await sql`select period, profit_cents, purchased, bought, bought_before, channels, quarters from customer_profits order by period`.execute(db)).rows;
    expect(rows).toEqual(
      ['all_time', 'last_12_months', 'this_year'].map((period) => ({ period, profit_cents: 700, purchased: 0, bought: 0, bought_before: 0, channels: 0, quarters: 0 })),
    );
    await expect(sql`insert into insights_channels (channel, bit) values ('online', 63)`.execute(db)).rejects.toThrow(/CHECK/);

    await migration.migrateDown();
    expect(await objects(db)).toEqual([]);
    expect(await columns(db)).not.toContain('purchased');
    expect((await sql`select count(*) as n from customer_profits`.execute(db)).rows).toEqual([{ n: 3 }]);
  });

  it('lets the app list the old P&L rows once it starts', async () => {
    migration = await migrateFilled(name, writeOldData);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true, recomputeInsights: false, clock: { now: () => Date.parse('2026-12-02T12:00:00.000Z') } });
    try {
      const result = await core.dispatch('insights.customers', {});
      if (!result.ok) throw new Error(result.error.message);
      expect((result.value as ProfitTable).items.map((row) => [row.displayName, row.profitCents])).toEqual([['Ada Lovelace', 700]]);
    } finally {
      await core.close();
    }
  });
});
