import Sqlite from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.ts';
import type { ContactListPage } from '../../../shared/contacts/contacts.schemas.ts';
import { closeDatabase, openDatabase } from '../../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../../helpers/temp-data-dir.ts';
import { integrityOf, openBackupCore, tableRows, value, type BackupCore } from './backup-core.ts';

let app: BackupCore;
afterEach(async () => app?.remove());

/** Every table of the live schema except SQLite's own and the full-text indexes' shadow tables (rebuilt from their virtual table). */
function liveTables(file: string): string[] {
  const sqlite = new Sqlite(file, { readonly: true });
  try {
    const all = sqlite.prepare(`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`).all() as Array<{ name: string; sql: string }>;
    const virtual = all.filter((table) => /^create virtual table/i.test(table.sql)).map((table) => table.name);
    const shadow = (name: string) => virtual.some((parent) => /^_(data|idx|content|docsize|config)$/.test(name.slice(parent.length)) && name.startsWith(parent));
    return all.map((table) => table.name).filter((name) => !shadow(name)).sort();
  } finally {
    sqlite.close();
  }
}

async function fillEveryDomain(app: BackupCore): Promise<void> {
  const ada = await app.call<{ id: string }>('contacts.create', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [{ value: 'ada@example.com' }],
    phones: [{ value: '+44 20 7946 0000' }],
    tags: ['vip', 'math'],
    notes: 'Prefers mornings.',
  });
  await app.contact('Grace');
  await app.call('history.log', { contactId: ada.id, kind: 'call', occurredAt: '2026-11-20T10:00:00Z', summary: 'Talked about engines' });
  await app.call('followups.create', { contactId: ada.id, kind: 'call', title: 'Call back', dueDate: '2026-12-05' });
  await app.call('settings.update', { currency: 'EUR', hourlyCostCents: 4500 });
}

describe('restore and undo restore', () => {
  it('brings a backup back, with every table of the schema row for row, and Undo restore brings back what was there', async () => {
    app = await openBackupCore();
    await fillEveryDomain(app);
    const tables = liveTables(app.core.databaseFile);
    // Today's schema: a table added later is in this list, and must survive too.
    expect(tables).toEqual(expect.arrayContaining(['contacts', 'contact_methods', 'contact_tags', 'contacts_fts', 'interactions', 'followups', 'settings', 'kysely_migration']));
    const before = tableRows(app.core.databaseFile, tables);
    const backup = await app.create();

    await app.contact('Hedy');
    const grace = (await app.call<ContactListPage>('contacts.list', {})).items.find((item) => item.displayName === 'Grace')!;
    await app.call('contacts.delete', { id: grace.id });
    const changed = tableRows(app.core.databaseFile, tables);

    const restored = await app.restore(backup.path);
    expect(restored).toMatchObject({ restoredFrom: backup.path, counts: { contacts: 2, interactions: 1, followups: 1, purchases: 0 } });
    expect(restored.safetyBackup.manifest).toMatchObject({ reason: 'before-restore', counts: { contacts: 2 } });
    expect(restored.safetyBackup.fileName).toMatch(/^Ambassador-\d{4}-\d{2}-\d{2}-\d{4}-before-restore\.ambassador$/);
    expect(tableRows(app.core.databaseFile, tables)).toEqual(before);
    expect(await app.names()).toEqual(['Ada Lovelace', 'Grace']);
    expect(app.events).toContainEqual({ name: 'backup.restored', payload: { undone: false } });
    expect((await app.status()).undo).toMatchObject({ restoredFrom: backup.path, safetyBackup: restored.safetyBackup.path });
    // Search works on the restored data: the full-text index came along.
    expect(value<unknown[]>(await app.core.dispatch('contacts.search', { query: 'Lovelace' }))).toHaveLength(1);

    const undone = await app.undo();
    expect(undone.restoredFrom).toBe(restored.safetyBackup.path);
    expect(tableRows(app.core.databaseFile, tables)).toEqual(changed);
    expect(await app.names()).toEqual(['Ada Lovelace', 'Hedy']);
    expect(app.events).toContainEqual({ name: 'backup.restored', payload: { undone: true } });
    expect((await app.status()).undo).toBeNull();
    expect((await app.core.dispatch('backup.undoRestore', {})).ok).toBe(false);
  });

  it('keeps the restored data across a restart, with no restore files left beside it', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    const backup = await app.create();
    await app.contact('Grace');
    await app.restore(backup.path);
    app = await app.reopen();
    expect(await app.names()).toEqual(['Ada']);
    expect(readdirSync(app.data.dir).filter((name) => name.startsWith('ambassador.sqlite.'))).toEqual([]);
    expect(integrityOf(app.core.databaseFile)).toBe('ok');
  });

  it('lets a running call finish into the safety copy, and runs a call that arrives during the swap after it, on the new data', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    const backup = await app.create();

    // Another program holds the write lock: a write call waits for it, running.
    const other = new Sqlite(app.core.databaseFile);
    other.exec('begin immediate');
    const runningWrite = app.contact('Grace');
    const restoring = app.restore(backup.path);
    const restoringFile = `${app.core.databaseFile}.restoring`;
    while (!existsSync(restoringFile)) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setImmediate(resolve));
    // The core is paused now, waiting for the write: this call waits too.
    let arrivedDuringSwap: string[] | undefined;
    const arriving = app.names().then((names) => (arrivedDuringSwap = names));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(arrivedDuringSwap).toBeUndefined();

    other.exec('commit');
    other.close();
    await runningWrite;
    const restored = await restoring;
    await arriving;
    expect(arrivedDuringSwap).toEqual(['Ada']);
    // The write that was running made it into the safety copy: Undo restore brings it back.
    expect(restored.safetyBackup.manifest.counts.contacts).toBe(2);
    await app.undo();
    expect(await app.names()).toEqual(['Ada', 'Grace']);
  });

  it('migrates a backup of an older schema after restoring it, and accepts a file with no manifest (made by an earlier Ambassador)', async () => {
    app = await openBackupCore();
    await app.contact('Today');
    const old = makeTempDataDir('ambassador-old-');
    try {
      const opened = openDatabase(old.dir);
      const firstTwo = Object.fromEntries(Object.entries(migrations).slice(0, 2));
      await migrateToLatest(opened.db, firstTwo);
      opened.sqlite
        .prepare(`insert into contacts (id, kind, first_name, display_name, sort_key, created_at, updated_at) values (?, 'person', 'Old', 'Old', 'old', ?, ?)`)
        .run('8f2a4c7e-1d3b-4e5f-9a6b-7c8d9e0f1a2b', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
      await closeDatabase(opened);
      const oldFile = join(old.dir, 'ambassador.sqlite');
      const before = readdirSync(old.dir);

      const preview = await app.inspect(oldFile);
      expect(preview).toMatchObject({
        needsUpdate: true,
        manifest: { formatVersion: 0, appVersion: 'earlier', schemaVersion: '0002_index_addresses', counts: { contacts: 1, interactions: 0, followups: 0, purchases: 0 } },
        current: { contacts: 1 },
      });
      const restored = await app.restore(oldFile);
      expect(restored.counts).toEqual({ contacts: 1, interactions: 0, followups: 0, purchases: 0 });
      expect(await app.names()).toEqual(['Old']);
      // Brought up to date: the newer domains work on it.
      expect((await app.core.dispatch('followups.today', {})).ok).toBe(true);
      const applied = new Sqlite(app.core.databaseFile, { readonly: true });
      try {
        expect(applied.prepare('select name from kysely_migration order by name').pluck().all()).toEqual(Object.keys(migrations));
      } finally {
        applied.close();
      }
      // The chosen file was only read: nothing new beside it.
      expect(readdirSync(old.dir)).toEqual(before);
      expect(existsSync(`${oldFile}-shm`)).toBe(false);
    } finally {
      old.remove();
    }
  });

  it('puts the previous data back when the restored file does not update, and says so', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    const old = makeTempDataDir('ambassador-old-');
    try {
      // An older backup that passes every check but cannot be migrated: a table in the way of a later migration.
      const opened = openDatabase(old.dir);
      await migrateToLatest(opened.db, Object.fromEntries(Object.entries(migrations).slice(0, 2)));
      opened.sqlite.exec('create table interactions (in_the_way text)');
      await closeDatabase(opened);
      const file = join(old.dir, 'ambassador.sqlite');
      const logged = app.logged.length;

      const result = await app.core.dispatch('backup.restore', { file });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/could not be brought up to date.*your data is as it was/) } });
      expect(app.logged.length).toBe(logged);
      expect(await app.names()).toEqual(['Ada']);
      await app.contact('Grace');
      expect(await app.names()).toEqual(['Ada', 'Grace']);
      expect(readdirSync(app.data.dir).filter((name) => name.startsWith('ambassador.sqlite.'))).toEqual([]);
      expect(integrityOf(app.core.databaseFile)).toBe('ok');
      expect((await app.status()).undo).toBeNull();
    } finally {
      old.remove();
    }
  });
});
