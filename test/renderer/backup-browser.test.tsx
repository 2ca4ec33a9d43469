// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { backupFile, backupStatus, restorePreview } from './backup-fixtures.ts';
import { directoryOf, Fail } from './fake-bridge.ts';

// Browser mode: no native dialogs, so the renderer uploads what the user picks
// (POST /api/files) and downloads what the core wrote (GET /api/files).
const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge({ browserFiles: true }));

const requests: { url: string; method: string }[] = [];
const downloads: string[] = [];
beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ url, method: init.method ?? 'GET' });
    if (init.method === 'POST') return new Response(JSON.stringify({ path: '/data/uploads/picked.ambassador' }), { status: 200 });
    return new Response(new Blob(['backup bytes']), { status: 200 });
  });
  URL.createObjectURL = () => 'blob:download';
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  // The page's file picker: the user picks old.ambassador.
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    if (this.type !== 'file') return;
    Object.defineProperty(this, 'files', { value: [new File(['sqlite'], 'old.ambassador')] });
    this.dispatchEvent(new Event('change'));
  });
});
afterAll(() => vi.unstubAllGlobals());

beforeEach(() => {
  fake.reset();
  requests.length = 0;
  downloads.length = 0;
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('backup.status', () => backupStatus());
  fake.handle('transfer.imports', () => []);
  resetAppState();
  navigate({ screen: 'backup' });
});
afterEach(cleanup);

describe('Backup & data in browser mode', () => {
  it('Back up now lets the core write into its folder, then downloads the file', async () => {
    fake.handle('backup.create', () => backupFile());
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Backed up: Ambassador-2026-12-02-1405.ambassador is in your downloads')).toBeTruthy();
    expect(fake.callsTo('backup.create')).toEqual([{}]);
    expect(requests).toEqual([{ url: `${location.origin}/api/files?path=${encodeURIComponent('/data/backups/Ambassador-2026-12-02-1405.ambassador')}`, method: 'GET' }]);
    expect(downloads).toEqual(['Ambassador-2026-12-02-1405.ambassador']);
  });

  it('Export contacts downloads the export the core wrote', async () => {
    fake.handle('transfer.exportContacts', ({ format }: { format: string }) => ({
      path: '/data/exports/Ambassador-contacts-2026-12-02.json',
      fileName: 'Ambassador-contacts-2026-12-02.json',
      format,
      contacts: 1234,
      sizeBytes: 90_000,
    }));
    const user = userEvent.setup();
    render(<App />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Export format' }), 'JSON — everything');
    await user.click(screen.getByRole('button', { name: 'Export contacts' }));
    expect(await screen.findByText('Exported 1,234 contacts')).toBeTruthy();
    expect(fake.callsTo('transfer.exportContacts')).toEqual([{ format: 'json' }]);
    expect(downloads).toEqual(['Ambassador-contacts-2026-12-02.json']);
  });

  it('Restore from file uploads the picked file and previews what the core received', async () => {
    fake.handle('backup.inspect', ({ file }: { file: string }) => restorePreview({ file }));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Restore from file' }));
    await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(requests).toEqual([{ url: `${location.origin}/api/files?name=old.ambassador`, method: 'POST' }]);
    await waitFor(() => expect(fake.callsTo('backup.inspect')).toEqual([{ file: '/data/uploads/picked.ambassador' }]));
    expect(screen.getByText('old.ambassador')).toBeTruthy();
  });

  it('names a refused upload by the file the user picked, not by its place in the upload folder', async () => {
    fake.handle('backup.inspect', ({ file }: { file: string }) => {
      throw new Fail({ code: 'VALIDATION', message: `This file cannot be restored: ${file} is not an Ambassador backup. Choose another file.` });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Restore from file' }));
    expect(await screen.findByText('This file cannot be restored: old.ambassador is not an Ambassador backup. Choose another file.')).toBeTruthy();
    expect(screen.queryByText(/\/data\/uploads/)).toBeNull();
  });
});
