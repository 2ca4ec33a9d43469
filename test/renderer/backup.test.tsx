// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupStatus } from '../../shared/backup/backup.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, parseRoute } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { backupFile, backupStatus, manifest, restorePreview } from './backup-fixtures.ts';
import { directoryOf, Fail } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

let status: BackupStatus = backupStatus();
beforeEach(() => {
  fake.reset();
  status = backupStatus();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('backup.status', () => status);
  fake.handle('transfer.imports', () => []);
  resetAppState();
  navigate({ screen: 'backup' });
});
afterEach(cleanup);

/** Ends a test's wait for the core: the restore answer is held until the test lets it go. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('the Backup & data screen', () => {
  it('is the Backup link’s screen at #/backup', async () => {
    expect(parseRoute('#/backup')).toEqual({ screen: 'backup' });
    expect(parseRoute('#/duplicates')).toEqual({ screen: 'duplicates' });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Backup & data', level: 1 })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Backup' });
    expect(link.getAttribute('href')).toBe('#/backup');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('No backup yet')).toBeTruthy();
  });

  it('shows the last backup, the warning, and each backup in the folder with its own Restore', async () => {
    const older = backupFile(
      { fileName: 'Ambassador-2026-11-30-0900.ambassador', path: '/data/backups/Ambassador-2026-11-30-0900.ambassador', sizeBytes: 1_000_000 },
      { createdAt: new Date(2026, 10, 30, 9, 0).toISOString(), reason: 'automatic' },
    );
    status = backupStatus({
      lastSuccess: { at: new Date().toISOString(), fileName: 'Ambassador-2026-12-02-1405.ambassador', path: '/data/backups/x' },
      warning: 'The backups folder cannot be reached. Connect the drive or choose another folder.',
      backups: [backupFile(), older],
    });
    render(<App />);
    expect(await screen.findByText(/^Last backup: today at \d\d:\d\d — Ambassador-2026-12-02-1405\.ambassador$/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The backups folder cannot be reached');
    expect(screen.getByRole('link', { name: 'Backup' }).parentElement?.textContent).toContain('!');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/2 Dec 2026 14:05By hand2\.3 MB120 contacts · 340 interactions · 12 follow-ups · 0 purchases/),
      expect.stringMatching(/30 Nov 2026 09:00Automatic/),
    ]);
    expect(screen.getByRole('button', { name: 'Restore backup of 2 Dec 2026 14:05' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restore backup of 30 Nov 2026 09:00' })).toBeTruthy();
  });

  it('Back up now in the desktop app writes where the save dialog said, shows progress, and reloads the status on backup.changed', async () => {
    fake.dialogs.save = '/home/ada/Ambassador-2026-12-02-1405.ambassador';
    const answer = deferred<void>();
    fake.handle('backup.create', async ({ to }: { to?: string }) => {
      await answer.promise;
      status = backupStatus({ lastSuccess: { at: new Date().toISOString(), fileName: 'Ambassador-2026-12-02-1405.ambassador', path: to ?? '' } });
      return backupFile({ path: to ?? '' });
    });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('No backup yet');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));

    expect(fake.dialogs.asked).toEqual([
      { dialog: 'save', choice: expect.objectContaining({ extensions: ['ambassador'], suggestedName: expect.stringMatching(/^Ambassador-\d{4}-\d\d-\d\d-\d{4}\.ambassador$/) }) },
    ]);
    await waitFor(() => expect(fake.callsTo('backup.create')).toEqual([{ to: '/home/ada/Ambassador-2026-12-02-1405.ambassador' }]));
    const bar = screen.getByRole('progressbar', { name: 'Backing up' });
    expect(bar.getAttribute('value')).toBeNull();
    act(() => fake.emit({ name: 'backup.progress', payload: { operation: 'backup', done: 40, total: 160 } }));
    expect(bar.getAttribute('value')).toBe('40');
    expect(bar.getAttribute('max')).toBe('160');
    expect(screen.getByText('Backing up… 25%')).toBeTruthy();

    answer.resolve();
    expect(await screen.findByText('Backed up to Ambassador-2026-12-02-1405.ambassador')).toBeTruthy();
    expect(await screen.findByText(/^Last backup: today at/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('Back up now does nothing when the save dialog is cancelled, and says why a backup failed', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('No backup yet');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(fake.callsTo('backup.create')).toEqual([]);

    fake.dialogs.save = '/media/usb/full.ambassador';
    fake.handle('backup.create', () => {
      throw new Fail({ code: 'CONFLICT', message: 'The disk is full. Free some space or choose another folder, then try again.' });
    });
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The backup was not made: The disk is full. Free some space or choose another folder, then try again.');
  });

  it('Restore from file shows the preview, restores on Restore, and Undo restore brings the data back', async () => {
    fake.dialogs.open = '/home/ada/Ambassador-2026-12-02-1405.ambassador';
    fake.handle('backup.inspect', () => restorePreview({ needsUpdate: true }));
    fake.handle('backup.restore', ({ file }: { file: string }) => {
      status = backupStatus({ undo: { restoredAt: new Date().toISOString(), restoredFrom: file, safetyBackup: '/data/backups/Ambassador-before-restore.ambassador' } });
      return { restoredFrom: file, manifest: manifest(), safetyBackup: backupFile({ fileName: 'Ambassador-before-restore.ambassador' }, { reason: 'before-restore' }), counts: manifest().counts };
    });
    fake.handle('backup.undoRestore', () => {
      status = backupStatus();
      return { restoredFrom: '/data/backups/Ambassador-before-restore.ambassador', manifest: manifest(), safetyBackup: backupFile(), counts: manifest().counts };
    });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('No backup yet');
    await user.click(screen.getByRole('button', { name: 'Restore from file' }));

    expect(fake.dialogs.asked[0]).toEqual({ dialog: 'open', choice: expect.objectContaining({ extensions: ['ambassador', 'sqlite'] }) });
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await within(dialog).findByText('Made 2 Dec 2026 14:05 by Ambassador 0.1.0 · 2.3 MB');
    expect(fake.callsTo('backup.inspect')).toEqual([{ file: '/home/ada/Ambassador-2026-12-02-1405.ambassador' }]);
    expect(within(dialog).getByText(/made by an older Ambassador: it will be updated/)).toBeTruthy();
    expect(within(dialog).getByRole('row', { name: /Contacts/ }).textContent).toBe('Contacts120150');
    expect(within(dialog).getByText(/Your current data is saved first, and Undo restore brings it back\./)).toBeTruthy();
    expect(document.activeElement).toBe(dialog);
    // Tab goes round the dialog's buttons, never to the page behind it.
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Restore' }));
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Restore' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(fake.callsTo('backup.restore')).toEqual([{ file: '/home/ada/Ambassador-2026-12-02-1405.ambassador' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText(/^Restored the backup of 2 Dec 2026 14:05\./)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore from file' }));

    await user.click(await screen.findByRole('button', { name: 'Undo restore' }));
    expect(fake.callsTo('backup.undoRestore')).toEqual([{}]);
    expect(await screen.findByText('Restore undone: your data is back as it was before')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo restore' })).toBeNull());
  });

  it('offers Undo restore after a reload while the core still holds the data from before', async () => {
    status = backupStatus({ undo: { restoredAt: new Date().toISOString(), restoredFrom: '/home/ada/old.ambassador', safetyBackup: '/data/backups/safety.ambassador' } });
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Undo restore' })).toBeTruthy();
    expect(screen.getByText(/You restored old\.ambassador today at .*kept in safety\.ambassador\./)).toBeTruthy();
  });

  it('says in the core’s words why a bad file cannot be restored, and offers no Restore', async () => {
    fake.dialogs.open = '/home/ada/notes.sqlite';
    fake.handle('backup.inspect', () => {
      throw new Fail({ code: 'VALIDATION', message: 'This file is SQLite but not an Ambassador backup. Choose a file that ends in .ambassador.' });
    });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('No backup yet');
    await user.click(screen.getByRole('button', { name: 'Restore from file' }));
    const dialog = await screen.findByRole('dialog', { name: 'This file cannot be restored' });
    expect(within(dialog).getByRole('alert').textContent).toBe('This file is SQLite but not an Ambassador backup. Choose a file that ends in .ambassador.');
    expect(within(dialog).queryByRole('button', { name: 'Restore' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('backup.restore')).toEqual([]);
  });

  it('restores one of the backups in the folder after the same preview', async () => {
    status = backupStatus({ backups: [backupFile()] });
    fake.handle('backup.inspect', ({ file }: { file: string }) => restorePreview({ file }));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Restore backup of 2 Dec 2026 14:05' }));
    await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(fake.callsTo('backup.inspect')).toEqual([{ file: '/data/backups/Ambassador-2026-12-02-1405.ambassador' }]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('uses another backups folder, or goes back to the default, and shows the core’s refusal beside the field', async () => {
    status = backupStatus({ folder: '/media/usb/backups', folderIsDefault: false });
    fake.handle('backup.setFolder', ({ folder }: { folder: string | null }) => {
      if (folder === '/nowhere') throw new Fail({ code: 'VALIDATION', message: 'Ambassador cannot write to /nowhere. Choose a folder you can write to.', details: { fields: { folder: 'Ambassador cannot write to /nowhere.' } } });
      status = backupStatus(folder === null ? {} : { folder, folderIsDefault: false });
      return status;
    });
    const user = userEvent.setup();
    render(<App />);
    const field = await screen.findByRole('textbox', { name: 'Backups folder' });
    expect((field as HTMLInputElement).value).toBe('/media/usb/backups');
    await user.clear(field);
    await user.type(field, '/nowhere');
    await user.click(screen.getByRole('button', { name: 'Use this folder' }));
    expect(await screen.findByText('Ambassador cannot write to /nowhere. Choose a folder you can write to.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Use the default folder' }));
    expect(fake.callsTo('backup.setFolder')).toEqual([{ folder: '/nowhere' }, { folder: null }]);
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Backups folder' }) as HTMLInputElement).value).toBe('/data/backups'));
  });
});
