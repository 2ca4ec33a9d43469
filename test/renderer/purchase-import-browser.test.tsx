// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import type { PurchaseReadOptions } from '../../shared/commerce/purchase-import.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { backupStatus } from './backup-fixtures.ts';
import { directoryOf, Fail } from './fake-bridge.ts';
import { settings } from './plans-fixtures.ts';
import { purchasePreview } from './purchase-import-fixtures.ts';

// Browser mode: no native dialog, so the renderer uploads the file the user picks (POST /api/files)
// and the core reads the upload; messages name the file as the user knows it.
const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge({ browserFiles: true }));

const uploaded = '/data/uploads/7f3c-till.csv';
const requests: { url: string; method: string }[] = [];
const picked: string[] = [];
beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ url, method: init.method ?? 'GET' });
    return new Response(JSON.stringify({ path: uploaded }), { status: 200 });
  });
  // The page's file picker: the user picks till.csv.
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    if (this.type !== 'file') return;
    picked.push(this.accept);
    Object.defineProperty(this, 'files', { value: [new File(['Order date;Total'], 'till.csv')] });
    this.dispatchEvent(new Event('change'));
  });
});
afterAll(() => vi.unstubAllGlobals());

beforeEach(() => {
  fake.reset();
  requests.length = 0;
  picked.length = 0;
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('backup.status', () => backupStatus());
  fake.handle('transfer.imports', () => []);
  fake.handle('purchases.imports', () => []);
  fake.handle('settings.get', () => settings());
  resetAppState();
  navigate({ screen: 'backup' });
});
afterEach(cleanup);

describe('Import purchases in browser mode', () => {
  it('uploads the picked file and previews what the core received', async () => {
    fake.handle('purchases.previewImport', ({ file }: PurchaseReadOptions) => purchasePreview({ file }));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Import purchases' }));
    expect(await screen.findByText('As they will be saved (first 3)')).toBeTruthy();
    expect(picked).toEqual(['.csv,.txt,.tsv']);
    expect(requests).toEqual([{ url: `${location.origin}/api/files?name=till.csv`, method: 'POST' }]);
    expect(fake.callsTo('purchases.previewImport')).toEqual([{ file: uploaded }]);
    expect(screen.getByText('till.csv')).toBeTruthy();
    expect(screen.queryByText(/7f3c/)).toBeNull();
  });

  it('names the file as the user picked it when it cannot be read', async () => {
    fake.handle('purchases.previewImport', ({ file }: PurchaseReadOptions) => {
      throw new Fail({ code: 'VALIDATION', message: `${file} has no rows. Export the purchases again and choose that file.` });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Import purchases' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('till.csv has no rows. Export the purchases again and choose that file.');
    expect(alert.textContent).not.toContain(uploaded);
  });
});
