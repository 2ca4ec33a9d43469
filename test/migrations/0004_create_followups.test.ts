import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Followup } from '../../shared/followups/followups.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// An address book of the schema before: contacts, one of them in the Trash.
async function writeOldContacts(db: Kysely<any>): Promise<void> {
  const contacts = [
    { num: 1, id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51', name: 'Ada Lovelace', deleted: null },
    { num: 2, id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52', name: 'Trashed Tom', deleted: '2026-02-01T00:00:00.000Z' },
  ];
  for (const contact of contacts) {
    await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, created_at, updated_at, deleted_at)
      values (${contact.num}, ${contact.id}, 'person', ${contact.name}, ${contact.name}, ${contact.name.toLowerCase()},
      '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ${contact.deleted})`.execute(db);
  }
}

const name = '0004_create_followups';
const objects = async (db: Kysely<any>, type: string) =>
  (await sql<{ name: string }>`select name from sqlite_master where type = ${type} and name like 'followups%' order by name`.execute(db)).rows.map((row) => row.name);

describe('migration 0004_create_followups over an address book of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('adds the follow-ups table and its indexes, keeps the contacts, and goes back down', async () => {
    migration = await migrateFilled(name, writeOldContacts);
    const { db } = migration;
    expect(await objects(db, 'table')).toEqual(['followups']);
    expect(await objects(db, 'index')).toEqual(expect.arrayContaining(['followups_by_contact', 'followups_open_by_due', 'followups_unannounced']));
    const contacts = await sql<{ display_name: string }>`select display_name from contacts order by num`.execute(db);
    expect(contacts.rows.map((row) => row.display_name)).toEqual(['Ada Lovelace', 'Trashed Tom']);
    // The Today view's question uses the open-by-due index, not a scan of every follow-up.
    const plan = await sql<{ detail: string }>`explain query plan select id from followups
      where status = 'open' and deleted_at is null and due_date < '2026-12-02' order by due_date, due_time`.execute(db);
    expect(plan.rows.map((row) => row.detail).join(' ')).toMatch(/followups_open_by_due/);

    await migration.migrateDown();
    expect(await objects(db, 'table')).toEqual([]);
    expect(await objects(db, 'index')).toEqual([]);
  });

  it('lets the app plan follow-ups for old contacts once it starts, and refuses one for a contact in the Trash', async () => {
    migration = await migrateFilled(name, writeOldContacts);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true });
    try {
      const input = { kind: 'handwritten_note', title: 'Thank Ada for the referral', dueDate: '2026-12-03' };
      const created = await core.dispatch('followups.create', { ...input, contactId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51' });
      expect(created.ok && (created.value as Followup).status).toBe('open');
      const refused = await core.dispatch('followups.create', { ...input, contactId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52' });
      expect(refused.ok ? undefined : refused.error.code).toBe('VALIDATION');
    } finally {
      await core.close();
    }
  });
});
