import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../shared/backup/backup.schemas.ts';
import { appVersion } from '../../../shared/app-version.ts';
import { migrations } from '../../../migrations/index.ts';
import { makeTempDataDir } from '../../helpers/temp-data-dir.ts';
import { at, failure, fillDatabase, integrityOf, openBackupCore, tableRows, type BackupCore } from './backup-core.ts';

let app: BackupCore;
afterEach(async () => app?.remove());

describe('Back up now', () => {
  it('writes one checked file named for the local time, with its manifest, into the backups folder', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    await app.contact('Grace');
    const ada = (await app.call<{ items: Array<{ id: string }> }>('contacts.list', {})).items[0]!;
    await app.call('history.log', { contactId: ada.id, kind: 'call', occurredAt: '2026-11-20T10:00:00Z' });
    await app.call('followups.create', { contactId: ada.id, kind: 'call', title: 'Call back', dueDate: '2026-12-05' });

    const file = await app.create();

    const folder = join(app.data.dir, 'backups');
    expect(file).toMatchObject({ fileName: 'Ambassador-2026-12-02-0930.ambassador', path: join(folder, 'Ambassador-2026-12-02-0930.ambassador') });
    expect(file.manifest).toEqual({
      format: 'ambassador-backup',
      formatVersion: 1,
      appVersion,
      schemaVersion: Object.keys(migrations).at(-1),
      createdAt: new Date(at('2026-12-02', '09:30')).toISOString(),
      reason: 'manual',
      counts: { contacts: 2, interactions: 1, followups: 1, purchases: 0 },
    });
    expect(readdirSync(folder)).toEqual([file.fileName]);
    expect(integrityOf(file.path)).toBe('ok');
    expect(app.events).toContainEqual({ name: 'backup.changed', payload: { reason: 'created' } });

    // The same minute again: a second name, never a replaced file.
    const second = await app.create();
    expect(second.fileName).toBe('Ambassador-2026-12-02-0930-2.ambassador');
    expect((await app.status()).backups.map((each) => each.fileName).sort()).toEqual([file.fileName, second.fileName].sort());
  });

  it('copies a consistent snapshot while writes go on, and the copy opens with every committed row', async () => {
    const data = makeTempDataDir('ambassador-backup-');
    // Several copy steps' worth, so writes land between steps.
    await fillDatabase(data.dir, 24);
    app = await openBackupCore({}, data);
    for (let index = 0; index < 20; index += 1) await app.contact(`Before ${index}`);
    let writing = true;
    const writes = (async () => {
      let count = 0;
      while (writing) {
        // As calls arrive in the app: each its own turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
        await app.contact(`During ${count}`);
        count += 1;
      }
      return count;
    })();
    const file = await app.create();
    writing = false;
    const during = await writes;
    expect(during).toBeGreaterThan(0);

    expect(integrityOf(file.path)).toBe('ok');
    const copied = tableRows(file.path, ['contacts']).contacts as Array<{ first_name: string }>;
    expect(copied.length).toBe(file.manifest.counts.contacts);
    expect(copied.length).toBeGreaterThan(20);
    // Whatever the copy holds, it holds whole: every contact it has is searchable in it too.
    expect(tableRows(file.path, ['contacts_fts']).contacts_fts!.length).toBe(copied.length);
  });

  it('reports progress for a large database', async () => {
    const data = makeTempDataDir('ambassador-backup-');
    await fillDatabase(data.dir, 12);
    app = await openBackupCore({}, data);
    await app.create();
    const progress = app.events.flatMap((event) => (event.name === 'backup.progress' ? [event.payload] : []));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ operation: 'backup' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });

  it('saves into a file or folder the user chose, and never over the data file itself', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    const elsewhere = makeTempDataDir('ambassador-chosen-');
    try {
      const named = await app.create(join(elsewhere.dir, 'mine.ambassador'));
      expect(named.path).toBe(join(elsewhere.dir, 'mine.ambassador'));
      const inFolder = await app.create(elsewhere.dir);
      expect(inFolder.path).toBe(join(elsewhere.dir, 'Ambassador-2026-12-02-0930.ambassador'));
      expect((await app.status()).lastSuccess).toMatchObject({ path: inFolder.path });

      const refused = failure(await app.core.dispatch('backup.create', { to: app.core.databaseFile }));
      expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/another file than Ambassador’s own data file/) });
      const noFolder = failure(await app.core.dispatch('backup.create', { to: join(elsewhere.dir, 'missing', 'x.ambassador') }));
      expect(noFolder).toMatchObject({ code: 'STORAGE', message: expect.stringContaining(join(elsewhere.dir, 'missing')) });
      expect(existsSync(join(elsewhere.dir, 'missing'))).toBe(false);
    } finally {
      elsewhere.remove();
    }
  });
});

describe('the backups folder and its status', () => {
  it('warns until there is a backup, and again after 7 days without one', async () => {
    app = await openBackupCore();
    expect((await app.status()).warning).toMatch(/not been backed up yet.*Back up now/);
    const made = await app.create();
    const fresh = await app.status();
    expect(fresh).toMatchObject({ warning: null, folderIsDefault: true, folderReachable: true, lastSuccess: { fileName: made.fileName }, undo: null });

    app.clock.set(at('2026-12-08', '09:29'));
    expect((await app.status()).warning).toBeNull();
    app.clock.set(at('2026-12-09', '09:30'));
    expect((await app.status()).warning).toMatch(/not been backed up for 7 days/);
  });

  it('takes an absolute folder it can write in (creating it), refuses others naming them, and goes back to the default', async () => {
    app = await openBackupCore();
    const elsewhere = makeTempDataDir('ambassador-folder-');
    try {
      const chosen = join(elsewhere.dir, 'Backups');
      const status = await app.call<BackupStatus>('backup.setFolder', { folder: chosen });
      expect(status).toMatchObject({ folder: chosen, folderIsDefault: false, folderReachable: true });
      expect(existsSync(chosen)).toBe(true);
      expect((await app.create()).path.startsWith(chosen)).toBe(true);
      expect(app.events).toContainEqual({ name: 'backup.changed', payload: { reason: 'folder' } });

      expect(failure(await app.core.dispatch('backup.setFolder', { folder: 'relative/place' }))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('relative/place'),
      });
      const aFile = join(elsewhere.dir, 'a-file');
      writeFileSync(aFile, 'not a folder');
      expect(failure(await app.core.dispatch('backup.setFolder', { folder: aFile }))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining(aFile),
      });

      // The choice lives beside the database, not in it.
      const reopened = await app.reopen();
      app = reopened;
      expect((await app.status()).folder).toBe(chosen);
      expect(await app.call<BackupStatus>('backup.setFolder', { folder: null })).toMatchObject({ folder: join(app.data.dir, 'backups'), folderIsDefault: true });
    } finally {
      elsewhere.remove();
    }
  });

  it('warns when the chosen folder is gone, and a backup made by hand says so', async () => {
    app = await openBackupCore();
    const elsewhere = makeTempDataDir('ambassador-usb-');
    const stick = join(elsewhere.dir, 'stick');
    mkdirSync(stick);
    await app.call('backup.setFolder', { folder: stick });
    elsewhere.remove();
    const status = await app.status();
    expect(status).toMatchObject({ folderReachable: false, warning: expect.stringContaining(`${stick} cannot be reached`) });
    // Back up now still makes a backup, into the default folder.
    const made = await app.create();
    expect(made.path.startsWith(join(app.data.dir, 'backups'))).toBe(true);
  });

  it('lists only files that are ours: named like a backup with a manifest inside', async () => {
    app = await openBackupCore();
    const made = await app.create();
    const folder = join(app.data.dir, 'backups');
    writeFileSync(join(folder, 'Ambassador-2026-01-01-0000.ambassador'), 'a look-alike');
    writeFileSync(join(folder, 'holiday.jpg'), 'a photo');
    writeFileSync(join(folder, 'Ambassador-2026-12-02-0931.ambassador.partial'), 'half');
    expect((await app.status()).backups.map((each) => each.fileName)).toEqual([made.fileName]);
  });
});
