import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { TodayView } from '../../shared/followups/followups.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// Contacts of the schema before: some keep in touch, some were contacted, one never, one in the Trash.
const contacts = [
  { num: 1, name: 'Ada Lovelace', keep: 30, last: '2026-10-01T09:00:00.000Z', deleted: null },
  { num: 2, name: 'Grace Hopper', keep: 7, last: '2026-11-20T09:00:00.000Z', deleted: null },
  { num: 3, name: 'Alan Turing', keep: 90, last: null, deleted: null },
  { num: 4, name: 'Recent Rita', keep: 30, last: '2026-11-30T09:00:00.000Z', deleted: null },
  { num: 5, name: 'Casual Carl', keep: null, last: '2020-01-01T09:00:00.000Z', deleted: null },
  { num: 6, name: 'Trashed Tom', keep: 7, last: '2026-01-01T09:00:00.000Z', deleted: '2026-11-01T00:00:00.000Z' },
];
const idOf = (num: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${num}`;

async function writeOldContacts(db: Kysely<any>): Promise<void> {
  for (const contact of contacts) {
    await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, keep_in_touch_days, last_interaction_at, created_at, updated_at, deleted_at)
      values (${contact.num}, ${idOf(contact.num)}, 'person', ${contact.name}, ${contact.name}, ${contact.name.toLowerCase()},
      ${contact.keep}, ${contact.last}, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', ${contact.deleted})`.execute(db);
  }
}

const name = '0005_index_losing_touch';
const dueBy = sql`strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(last_interaction_at, created_at), '+' || keep_in_touch_days || ' days')`;
const losingTouch = (now: string) => sql<{ display_name: string }>`select display_name from contacts
  where deleted_at is null and keep_in_touch_days is not null and ${dueBy} < ${now} order by ${dueBy}, id limit 200`;
const indexes = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name = 'contacts_losing_touch'`.execute(db)).rows.map((row) => row.name);

describe('migration 0005_index_losing_touch over contacts of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('indexes when each contact starts losing touch, so losing touch reads them in order without a sort, and goes back down', async () => {
    migration = await migrateFilled(name, writeOldContacts);
    const { db } = migration;
    expect(await indexes(db)).toEqual(['contacts_losing_touch']);
    const now = '2026-12-02T12:00:00.000Z';
    expect((await losingTouch(now).execute(db)).rows.map((row) => row.display_name)).toEqual(['Alan Turing', 'Ada Lovelace', 'Grace Hopper']);
    const plan = await sql<{ detail: string }>`explain query plan ${losingTouch(now)}`.execute(db);
    expect(plan.rows.map((row) => row.detail)).toEqual([expect.stringMatching(/^SEARCH contacts USING INDEX contacts_losing_touch \(<expr><\?\)$/)]);

    await migration.migrateDown();
    expect(await indexes(db)).toEqual([]);
  });

  it('lets the app show old contacts losing touch once it starts', async () => {
    migration = await migrateFilled(name, writeOldContacts);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true, clock: { now: () => Date.parse('2026-12-02T12:00:00.000Z') } });
    try {
      const result = await core.dispatch('followups.today', {});
      if (!result.ok) throw new Error(result.error.message);
      const view = result.value as TodayView;
      expect(view.losingTouch.map((item) => [item.contact.displayName, item.keepInTouchDays, item.daysSince])).toEqual([
        ['Alan Turing', 90, null],
        ['Ada Lovelace', 30, 62],
        ['Grace Hopper', 7, 12],
      ]);
    } finally {
      await core.close();
    }
  });
});
