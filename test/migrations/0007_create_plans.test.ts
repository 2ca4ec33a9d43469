import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Plan, PlanRun } from '../../shared/plans/plans.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// Contacts of the schema before, one with a follow-up.
const idOf = (num: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${num}`;

async function writeOldData(db: Kysely<any>): Promise<void> {
  for (const [num, name] of [[1, 'Ada Lovelace'], [2, 'Augusta King']] as const) {
    await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, created_at, updated_at)
      values (${num}, ${idOf(num)}, 'person', ${name}, ${name}, ${name.toLowerCase()}, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z')`.execute(db);
    await sql`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes, address) values (${num}, ${name.toLowerCase()}, '', '', '', '', '', '')`.execute(db);
  }
  await sql`insert into followups (id, contact_id, kind, title, due_date, created_at, updated_at)
    values ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4c01', ${idOf(2)}, 'call', 'Call', '2026-12-10', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')`.execute(db);
}

const name = '0007_create_plans';
const tables = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'plan%' order by name`.execute(db)).rows.map((row) => row.name);
const contactColumns = async (db: Kysely<any>) => (await sql<{ name: string }>`select name from pragma_table_info('contacts')`.execute(db)).rows.map((row) => row.name);

describe('migration 0007_create_plans over data of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('adds the plans, their runs and steps and the held-back list, empty; every contact may be contacted automatically; goes back down', async () => {
    migration = await migrateFilled(name, writeOldData);
    const { db } = migration;
    expect(await tables(db)).toEqual(['plan_held_back', 'plan_run_steps', 'plan_runs', 'plans']);
    expect((await sql<{ n: number }>`select count(*) as n from plans`.execute(db)).rows).toEqual([{ n: 0 }]);
    expect((await sql`select id, do_not_contact_automatically from contacts order by num`.execute(db)).rows).toEqual([
      { id: idOf(1), do_not_contact_automatically: 0 },
      { id: idOf(2), do_not_contact_automatically: 0 },
    ]);
    await expect(
      sql`insert into plan_runs (id, plan_id, plan_name, contact_id, anchor_date, started_at, started_by, automatic) values ('r', 'no plan', 'x', ${idOf(1)}, '2026-12-01', 'now', 'By hand', 0)`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
    await migration.migrateDown();
    expect(await tables(db)).toEqual([]);
    expect(await contactColumns(db)).not.toContain('do_not_contact_automatically');
  });

  it('lets the app start a built-in plan for an old contact once it starts', async () => {
    migration = await migrateFilled(name, writeOldData);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true });
    try {
      const plans = await core.dispatch('plans.list', {});
      const closing = (plans.ok ? (plans.value as Plan[]) : []).find((plan) => plan.builtIn === 'home_closing');
      const started = await core.dispatch('plans.start', { planId: closing!.id, contactId: idOf(2), anchorDate: '2026-12-01' });
      expect(started.ok && (started.value as PlanRun).total).toBe(5);
      const augusta = await core.dispatch('contacts.get', { id: idOf(2) });
      expect(augusta.ok && (augusta.value as Contact).doNotContactAutomatically).toBe(false);
    } finally {
      await core.close();
    }
  });
});
