import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../shared/transfer/transfer.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { migrateFilled, type MigrationUnderTest } from './migration-template.ts';

// Contacts of the schema before, one with history and a follow-up.
const idOf = (num: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${num}`;

async function writeOldData(db: Kysely<any>): Promise<void> {
  for (const [num, name] of [[1, 'Ada Lovelace'], [2, 'Augusta King']] as const) {
    await sql`insert into contacts (num, id, kind, first_name, display_name, sort_key, created_at, updated_at)
      values (${num}, ${idOf(num)}, 'person', ${name}, ${name}, ${name.toLowerCase()}, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z')`.execute(db);
    await sql`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes, address) values (${num}, ${name.toLowerCase()}, '', '', '', '', '', '')`.execute(db);
  }
  await sql`insert into interactions (id, contact_id, kind, direction, occurred_at, minutes, created_at, updated_at)
    values ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b01', ${idOf(2)}, 'call', 'outbound', '2026-11-01T09:00:00.000Z', 10, '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')`.execute(db);
  await sql`insert into followups (id, contact_id, kind, title, due_date, created_at, updated_at)
    values ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4c01', ${idOf(2)}, 'call', 'Call', '2026-12-10', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')`.execute(db);
}

const name = '0006_record_imports_and_merges';
const tables = async (db: Kysely<any>) =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name in ('import_batches', 'import_batch_contacts', 'contact_merges') order by name`.execute(db)).rows.map((row) => row.name);

describe('migration 0006_record_imports_and_merges over data of the schema before', () => {
  let migration: MigrationUnderTest | undefined;
  afterEach(async () => {
    await migration?.remove();
    migration = undefined;
  });

  it('adds the import batches and the merge records, empty, keeps the contacts, and goes back down', async () => {
    migration = await migrateFilled(name, writeOldData);
    const { db } = migration;
    expect(await tables(db)).toEqual(['contact_merges', 'import_batch_contacts', 'import_batches']);
    expect((await sql<{ n: number }>`select count(*) as n from contacts`.execute(db)).rows).toEqual([{ n: 2 }]);
    // A merge record must name contacts that exist.
    await expect(
      sql`insert into contact_merges (id, kept_id, merged_id, merged_name, merged_at, moved, kept_before, merged_before)
        values ('m', ${idOf(1)}, 'nobody', 'x', 'now', '{}', '{}', '{}')`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
    await migration.migrateDown();
    expect(await tables(db)).toEqual([]);
  });

  it('lets the app merge old contacts and undo it, and record imports, once it starts', async () => {
    migration = await migrateFilled(name, writeOldData);
    await migration.close();
    const core = await createCore({ dataDir: migration.dataDir, checkOutputs: true });
    try {
      const merged = await core.dispatch('duplicates.merge', { keepId: idOf(1), mergeId: idOf(2) });
      expect(merged).toMatchObject({ ok: true, value: { moved: { interactions: 1, followups: 1 } } });
      const mergeId = (merged as { value: { mergeId: string } }).value.mergeId;
      expect(await core.dispatch('duplicates.undoMerge', { mergeId })).toMatchObject({ ok: true, value: { restored: { id: idOf(2), deletedAt: null } } });
      const imports = await core.dispatch('transfer.imports', {});
      expect(imports.ok && (imports.value as ImportBatch[])).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
