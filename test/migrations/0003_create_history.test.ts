import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Interaction, TimelinePage } from '../../shared/history/history.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, openBefore, type MigrationUnderTest } from './migration-template.ts';

// An address book written under the 0002 schema: contacts (one in the Trash) with
// their search entries, as the app of that time wrote them.
const adaId = '0190a000-0000-7000-8000-000000000001';
const tomId = '0190a000-0000-7000-8000-000000000002';

async function writeOldContacts(db: Kysely<any>): Promise<void> {
  const contacts = [
    { num: 1, id: adaId, name: 'Ada Lovelace', deleted: null, keep: 30 },
    { num: 2, id: tomId, name: 'Trashed Tom', deleted: '2026-02-01T00:00:00.000Z', keep: null },
  ];
  for (const contact of contacts) {
    await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, keep_in_touch_days, created_at, updated_at, deleted_at)
      values (${contact.num}, ${contact.id}, 'person', ${contact.name}, ${contact.name}, ${contact.name.toLowerCase()}, ${contact.keep},
      '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ${contact.deleted})`.execute(db);
    if (contact.deleted === null) {
      await sql`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes, address)
        values (${contact.num}, ${contact.name.toLowerCase()}, '', '', '', '', '', '')`.execute(db);
    }
  }
}

const name = '0003_create_history';
const tableNames = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name in ('interactions', 'interactions_fts', 'settings') order by name`.execute(db)).rows.map(
    (row) => row.name,
  );

describe('migration 0003_create_history over an address book of the 0002 schema', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('adds history, its search index and settings, gives each contact an empty last interaction, and goes back down', async () => {
    migration = await migrateFilled(name, writeOldContacts);
    const { db } = migration;
    expect(await tableNames(db)).toEqual(['interactions', 'interactions_fts', 'settings']);
    const contacts = await sql<{ id: string; display_name: string; last_interaction_at: string | null; deleted_at: string | null }>`
      select id, display_name, last_interaction_at, deleted_at from contacts order by num`.execute(db);
    expect(contacts.rows).toEqual([
      { id: adaId, display_name: 'Ada Lovelace', last_interaction_at: null, deleted_at: null },
      { id: tomId, display_name: 'Trashed Tom', last_interaction_at: null, deleted_at: '2026-02-01T00:00:00.000Z' },
    ]);
    const plan = await sql<{ detail: string }>`explain query plan
      select * from interactions where contact_id = ${adaId} and deleted_at is null order by occurred_at desc, id desc limit 50`.execute(db);
    expect(plan.rows.map((row) => row.detail).join('\n')).toContain('interactions_by_contact');

    await migration.migrateDown();
    expect(await tableNames(db)).toEqual([]);
    const columns = await sql<{ name: string }>`select name from pragma_table_info('contacts')`.execute(db);
    expect(columns.rows.map((row) => row.name)).not.toContain('last_interaction_at');
    expect((await sql<{ count: number }>`select count(*) as count from contacts`.execute(db)).rows[0]?.count).toBe(2);
  });

  it('lets the app log history for contacts already there once it starts, and keeps the Trash as it was', async () => {
    // Here the app's start runs the migration, so the template stops at the old schema.
    migration = await openBefore(name);
    await writeOldContacts(migration.db);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true });
    try {
      const value = <T>(result: Awaited<ReturnType<typeof core.dispatch>>): T => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value as T;
      };
      const logged = value<Interaction>(await core.dispatch('history.log', { contactId: adaId, kind: 'call', occurredAt: '2026-11-30T10:00:00Z' }));
      expect(value<TimelinePage>(await core.dispatch('history.timeline', { contactId: adaId })).items).toEqual([logged]);
      expect(value<Contact>(await core.dispatch('contacts.get', { id: adaId })).lastInteractionAt).toBe('2026-11-30T10:00:00.000Z');
      const refused = await core.dispatch('history.log', { contactId: tomId, kind: 'call', occurredAt: '2026-11-30T10:00:00Z' });
      expect(refused.ok ? null : refused.error.code).toBe('VALIDATION');
    } finally {
      await core.close();
    }
  });
});
