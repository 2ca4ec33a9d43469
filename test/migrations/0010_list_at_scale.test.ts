import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// Contacts of the schema before with tags in two spellings, one in the Trash, and ladder stages.
const contacts = [
  { num: 1, name: 'Ada Lovelace', tags: ['VIP', 'buyer'], deleted: null, stage: 'ambassador' },
  { num: 2, name: 'Grace Hopper', tags: ['vip'], deleted: null, stage: 'movable' },
  { num: 3, name: 'Alan Turing', tags: ['buyer'], deleted: null, stage: null },
  { num: 4, name: 'Trashed Tom', tags: ['vip', 'seller'], deleted: '2026-11-01T00:00:00.000Z', stage: 'ambassador' },
];
const idOf = (num: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${num}`;

async function writeOldContacts(db: Kysely<any>): Promise<void> {
  for (const contact of contacts) {
    await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, created_at, updated_at, deleted_at)
      values (${contact.num}, ${idOf(contact.num)}, 'person', ${contact.name}, ${contact.name}, ${contact.name.toLowerCase()},
      '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', ${contact.deleted})`.execute(db);
    for (const [position, tag] of contact.tags.entries()) {
      await sql`insert into contact_tags (contact_id, tag, position) values (${idOf(contact.num)}, ${tag}, ${position})`.execute(db);
    }
    if (contact.stage) {
      await sql`insert into customer_values (contact_id, computed_at, purchases, historical_cents, predicted_clv_cents, tier, stage)
        values (${idOf(contact.num)}, '2026-06-01', 1, 100, 100, 'top', ${contact.stage})`.execute(db);
    }
  }
}

const name = '0010_list_at_scale';
const counts = async (db: Kysely<any>) => (await sql<{ tag: string; contacts: number }>`select tag, contacts from tag_counts order by tag`.execute(db)).rows;
const plan = async (db: Kysely<any>, query: ReturnType<typeof sql>) =>
  (await sql<{ detail: string }>`explain query plan ${query}`.execute(db)).rows.map((row) => row.detail);

describe('migration 0010_list_at_scale over contacts of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('counts each spelling of a tag on contacts not in the Trash, and keeps counting through every write', async () => {
    migration = await migrateFilled(name, writeOldContacts);
    const { db } = migration;
    expect(await counts(db)).toEqual([
      { tag: 'VIP', contacts: 1 },
      { tag: 'buyer', contacts: 2 },
      { tag: 'vip', contacts: 1 },
    ]);
    await sql`insert into contact_tags (contact_id, tag, position) values (${idOf(3)}, 'seller', 1)`.execute(db);
    await sql`delete from contact_tags where contact_id = ${idOf(1)} and tag = 'VIP'`.execute(db);
    await sql`update contacts set deleted_at = '2026-12-01T00:00:00.000Z' where num = 2`.execute(db);
    await sql`update contacts set deleted_at = null where num = 4`.execute(db);
    await sql`update contact_tags set tag = 'Buyer' where contact_id = ${idOf(3)} and tag = 'buyer'`.execute(db);
    expect(await counts(db)).toEqual([
      { tag: 'Buyer', contacts: 1 },
      { tag: 'buyer', contacts: 1 },
      { tag: 'seller', contacts: 2 },
      { tag: 'vip', contacts: 1 },
    ]);
    // Deleted for good while listed, and while in the Trash: its tags go with it (cascade), counted once.
    await sql`delete from contacts where num = 4`.execute(db);
    await sql`delete from contacts where num = 2`.execute(db);
    expect(await counts(db)).toEqual([
      { tag: 'Buyer', contacts: 1 },
      { tag: 'buyer', contacts: 1 },
      { tag: 'seller', contacts: 1 },
    ]);
    const live = await sql<{ tag: string; contacts: number }>`select t.tag, count(*) as contacts from contact_tags t
      join contacts c on c.id = t.contact_id where c.deleted_at is null group by t.tag order by t.tag`.execute(db);
    expect(await counts(db)).toEqual(live.rows);
  });

  it('reads list positions and counts from indexes alone, indexes stages with their contacts, and goes back down', async () => {
    migration = await migrateFilled(name, writeOldContacts);
    const { db } = migration;
    expect(await plan(db, sql`select sort_key, id from contacts where deleted_at is null order by sort_key, id`)).toEqual([
      'SCAN contacts USING COVERING INDEX contacts_by_name',
    ]);
    expect(await plan(db, sql`select updated_at, id from contacts where deleted_at is null order by updated_at desc, id desc`)).toEqual([
      'SCAN contacts USING COVERING INDEX contacts_by_updated',
    ]);
    const stageIndex = await sql<{ name: string }>`select name from pragma_index_info('customer_values_by_stage') order by seqno`.execute(db);
    expect(stageIndex.rows.map((row) => row.name)).toEqual(['stage', 'contact_id']);
    await migration.migrateDown();
    const left = await sql<{ name: string }>`select name from sqlite_master where name like 'tag_counts%' or name = 'customer_values_by_tier_contact'`.execute(db);
    expect(left.rows).toEqual([]);
    expect(await plan(db, sql`select sort_key, id from contacts where deleted_at is null order by sort_key, id`)).toEqual([
      'SCAN contacts USING INDEX contacts_by_name',
    ]);
  });
});
