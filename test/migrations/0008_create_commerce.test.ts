import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Purchase, PurchasePage } from '../../shared/commerce/commerce.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// Contacts of the schema before, one with a follow-up and an interaction.
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

const name = '0008_create_commerce';
const commerceTables = [
  'customer_profits',
  'customer_refs',
  'customer_values',
  'insights_overviews',
  'insights_runs',
  'loyalty_moves',
  'loyalty_overrides',
  'nps_scores',
  'purchase_import_contacts',
  'purchase_imports',
  'purchases',
];
const tables = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)).rows.map((row) => row.name).filter((each) => commerceTables.includes(each));
const oldRows = async (db: Kysely<any>) => ({
  contacts: (await sql`select id, display_name from contacts order by num`.execute(db)).rows,
  followups: (await sql`select id, contact_id from followups`.execute(db)).rows,
});

describe('migration 0008_create_commerce over data of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('adds the purchases, imports, customer numbers and insights tables, empty; old data survives; refuses what the checks refuse; goes back down', async () => {
    migration = await migrateFilled(name, writeOldData);
    const { db } = migration;
    expect(await tables(db)).toEqual(commerceTables);
    expect((await sql<{ n: number }>`select count(*) as n from purchases`.execute(db)).rows).toEqual([{ n: 0 }]);
    const before = await oldRows(db);
    expect(before.contacts).toHaveLength(2);
    expect(before.followups).toEqual([{ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4c01', contact_id: idOf(2) }]);
    let made = 0;
    const purchase = (contactId: string, kind: string, gross: number) =>
      sql`insert into purchases (id, contact_id, kind, occurred_on, gross_cents, created_at, updated_at) values (${`p-${(made += 1)}`}, ${contactId}, ${kind}, '2026-11-01', ${gross}, 'now', 'now')`.execute(db);
    await purchase(idOf(1), 'sale', 100);
    await expect(purchase('no contact', 'sale', 100)).rejects.toThrow(/FOREIGN KEY/);
    await expect(purchase(idOf(1), 'gift', 100)).rejects.toThrow(/CHECK/);
    await expect(purchase(idOf(1), 'sale', -1)).rejects.toThrow(/CHECK/);
    await sql`delete from purchases`.execute(db);

    await migration.migrateDown();
    expect(await tables(db)).toEqual([]);
    expect(await oldRows(db)).toEqual(before);
  });

  it('lets the app record a purchase for an old contact once it starts', async () => {
    migration = await migrateFilled(name, writeOldData);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true });
    try {
      const created = await core.dispatch('purchases.create', { contactId: idOf(1), fields: { occurredOn: '2026-11-01', grossCents: 2_500 } });
      expect(created.ok && (created.value as Purchase).netCents).toBe(2_500);
      const page = await core.dispatch('purchases.list', { contactId: idOf(1) });
      expect(page.ok && (page.value as PurchasePage).total).toBe(1);
    } finally {
      await core.close();
    }
  });
});
