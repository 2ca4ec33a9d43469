// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportBatch, ImportPreview, ReadOptions } from '../../shared/transfer/transfer.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { backupStatus, importPreview, importReport, madeAt } from './backup-fixtures.ts';
import { directoryOf, Fail } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

let batches: ImportBatch[] = [];
beforeEach(() => {
  fake.reset();
  batches = [];
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('backup.status', () => backupStatus());
  fake.handle('transfer.imports', () => batches);
  fake.handle('transfer.previewImport', ({ mapping }: ReadOptions) => (mapping ? importPreview({ mapping }) : importPreview()));
  resetAppState();
  navigate({ screen: 'backup' });
});
afterEach(cleanup);

async function openPreview() {
  fake.dialogs.open = '/home/ada/contacts.csv';
  const user = userEvent.setup();
  render(<App />);
  await user.click(await screen.findByRole('button', { name: 'Import contacts' }));
  await screen.findByText('As they will be saved (first 2)');
  return user;
}

describe('Import contacts', () => {
  it('shows the file as it will be read and saved: format, encoding, delimiter, mapping, sample rows, skipped rows, duplicates', async () => {
    await openPreview();
    expect(fake.dialogs.asked[0]).toEqual({ dialog: 'open', choice: expect.objectContaining({ extensions: ['csv', 'vcf', 'vcard', 'txt'] }) });
    expect(fake.callsTo('transfer.previewImport')).toEqual([{ file: '/home/ada/contacts.csv' }]);
    expect(screen.getByText(/CSV, a Google Contacts export · 125 rows/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Encoding' }) as HTMLSelectElement).value).toBe('utf-8');
    expect((screen.getByRole('combobox', { name: 'Delimiter' }) as HTMLSelectElement).value).toBe(',');
    const email = screen.getByRole('combobox', { name: 'Map column E-mail 1 - Value' }) as HTMLSelectElement;
    expect(email.selectedOptions[0]?.textContent).toBe('Email');
    expect([...email.options].slice(0, 4).map((option) => option.textContent)).toEqual(['Skip', 'Full name', 'First name', 'Last name']);

    const sample = screen.getByText('As they will be saved (first 2)').parentElement as HTMLElement;
    expect(within(sample).getByRole('row', { name: /^2 Ada Lovelace/ }).textContent).toContain('ada@example.com');
    expect(within(sample).getByRole('row', { name: /^3 Grace Hopper/ }).textContent).toContain('photo skipped');
    const skipped = screen.getByText('Will be skipped (1)').parentElement as HTMLElement;
    expect(within(skipped).getByRole('row', { name: '7 No name, email or phone' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Line 12: Ada Lovelace — same email as Ada Lovelace (ada@example.com)' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Line 15: Alan Turing — same phone as A. Turing (4412345)' })).toBeTruthy();
  });

  it('reads the file again when a column’s mapping, the encoding or the delimiter changes', async () => {
    const user = await openPreview();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Map column Organization 1 - Name' }), 'Skip');
    await waitFor(() => expect(fake.callsTo('transfer.previewImport')).toHaveLength(2));
    expect(fake.callsTo('transfer.previewImport')[1]).toEqual({
      file: '/home/ada/contacts.csv',
      mapping: [
        { column: 0, field: 'fullName' },
        { column: 1, field: 'email' },
        { column: 2, field: 'skip' },
      ],
    });
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Map column Organization 1 - Name' }) as HTMLSelectElement).value).toBe('skip'));

    // Another encoding or delimiter can change the columns: the core maps them afresh.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Encoding' }), 'Windows-1252 (Western)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Delimiter' }), 'Semicolon ( ; )');
    await waitFor(() => expect(fake.callsTo('transfer.previewImport')).toHaveLength(4));
    expect(fake.callsTo('transfer.previewImport').slice(2)).toEqual([
      { file: '/home/ada/contacts.csv', encoding: 'windows-1252' },
      { file: '/home/ada/contacts.csv', encoding: 'windows-1252', delimiter: ';' },
    ]);
  });

  it('keeps the newest preview when an older one answers last', async () => {
    let releaseSlow: () => void = () => {};
    fake.handle('transfer.previewImport', async ({ encoding }: ReadOptions) => {
      if (encoding === 'utf-16le') await new Promise<void>((resolve) => (releaseSlow = resolve));
      return importPreview(encoding ? { encoding, totalRecords: encoding === 'utf-16le' ? 1 : 99 } : {});
    });
    const user = await openPreview();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Encoding' }), 'UTF-16 (little-endian)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Encoding' }), 'Windows-1252 (Western)');
    await screen.findByText(/· 99 rows/);
    releaseSlow();
    await waitFor(() => expect(fake.callsTo('transfer.previewImport')).toHaveLength(3));
    // The slow answer arrives a few turns of the event loop after its release.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.getByText(/· 99 rows/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Encoding' }) as HTMLSelectElement).value).toBe('windows-1252');
  });

  it('sends the duplicates choices, shows progress, reports counts as text with every skipped and merged row, and undoes the import', async () => {
    let finish: () => void = () => {};
    fake.handle('transfer.importContacts', async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      batches = [{ batchId: 'batch-1', fileName: 'contacts.csv', importedAt: madeAt, created: 120, merged: 3, skipped: 2, undoneAt: null }];
      return importReport();
    });
    fake.handle('transfer.undoImport', ({ batchId }: { batchId: string }) => {
      batches = batches.map((batch) => ({ ...batch, undoneAt: madeAt }));
      return { batchId, removed: 120, restored: 3 };
    });
    const user = await openPreview();
    await user.selectOptions(screen.getByRole('combobox', { name: 'For all duplicates' }), 'Merge');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Line 15:/ }), 'Create new');
    expect((screen.getByRole('combobox', { name: /^Line 12:/ }) as HTMLSelectElement).value).toBe('merge');
    await user.click(screen.getByRole('button', { name: 'Start import' }));

    expect(await screen.findByRole('progressbar', { name: 'Importing' })).toBeTruthy();
    fake.emit({ name: 'transfer.progress', payload: { operation: 'import', done: 50, total: 125 } });
    expect(await screen.findByText('Importing… 40%')).toBeTruthy();
    expect(fake.callsTo('transfer.importContacts')).toEqual([{ file: '/home/ada/contacts.csv', duplicates: { all: 'merge', byLine: { '15': 'create' } } }]);
    finish();

    expect(await screen.findByText('Created 120')).toBeTruthy();
    expect(screen.getByText('Merged 3')).toBeTruthy();
    expect(screen.getByText('Skipped 2')).toBeTruthy();
    const report = screen.getByRole('region', { name: 'Imported contacts.csv' });
    expect(within(report).getByRole('row', { name: '7 Skipped No name, email or phone' })).toBeTruthy();
    expect(within(report).getByRole('row', { name: '12 Ada Lovelace Merged same email as Ada Lovelace' })).toBeTruthy();
    expect(within(report).queryByRole('row', { name: /^2 / })).toBeNull();
    // transfer.changed brings the import into the recent list, pointing at the report's one Undo import.
    expect(await screen.findByText('Its report is above')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Undo import' })).toHaveLength(1);
    // Found like Playwright's getByText finds it (any case, a part of the text): the report's counts alone.
    for (const count of [/created 120/i, /merged 3/i, /skipped 2/i]) expect(screen.getAllByText(count)).toHaveLength(1);

    await user.click(within(report).getByRole('button', { name: 'Undo import' }));
    expect(fake.callsTo('transfer.undoImport')).toEqual([{ batchId: 'batch-1' }]);
    expect(await within(report).findByText('Import undone: removed 120 contacts, 3 merged contacts are back as before.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo import' })).toBeNull();
    expect(await screen.findByText('Undone 2 Dec 2026 14:05')).toBeTruthy();
  });

  it('undoes an earlier import from the recent list, where the newest one’s button is “Undo import”', async () => {
    batches = [
      { batchId: 'b2', fileName: 'contacts.csv', importedAt: madeAt, created: 5, merged: 0, skipped: 0, undoneAt: null },
      { batchId: 'b1', fileName: 'contacts.csv', importedAt: madeAt, created: 2, merged: 0, skipped: 1, undoneAt: null },
    ];
    fake.handle('transfer.undoImport', ({ batchId }: { batchId: string }) => ({ batchId, removed: 2, restored: 0 }));
    const user = userEvent.setup();
    render(<App />);
    const second = await screen.findByRole('button', { name: 'Undo contacts.csv, imported 2 Dec 2026 14:05, b1' });
    expect(screen.getByRole('button', { name: 'Undo import' })).toBeTruthy();
    await user.click(second);
    expect(fake.callsTo('transfer.undoImport')).toEqual([{ batchId: 'b1' }]);
    expect(await screen.findByText('Undid the import of contacts.csv: removed 2 contacts')).toBeTruthy();
  });

  it('says why a file cannot be read, in the core’s words', async () => {
    fake.handle('transfer.previewImport', () => {
      throw new Fail({ code: 'VALIDATION', message: 'This file is neither CSV nor vCard. Export your contacts as CSV or vCard and try again.' });
    });
    fake.dialogs.open = '/home/ada/photo.txt';
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Import contacts' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This file is neither CSV nor vCard. Export your contacts as CSV or vCard and try again.');
    expect(screen.queryByRole('button', { name: 'Start import' })).toBeNull();
  });

  it('previews a vCard file without CSV settings', async () => {
    const vcard: Partial<ImportPreview> = { file: '/home/ada/people.vcf', format: 'vcard', delimiter: null, preset: null, columns: [], mapping: [], totalRecords: 12, duplicates: [], invalid: [] };
    fake.handle('transfer.previewImport', () => importPreview(vcard));
    const user = userEvent.setup();
    fake.dialogs.open = '/home/ada/people.vcf';
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Import contacts' }));
    expect(await screen.findByText(/vCard · 12 cards/)).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Delimiter' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: /^Map column/ })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Encoding' })).toBeTruthy();
  });
});

describe('Export contacts', () => {
  it('writes the chosen format where the save dialog said and says how many', async () => {
    fake.dialogs.save = '/home/ada/Ambassador-contacts.vcf';
    fake.handle('transfer.exportContacts', ({ format, to }: { format: 'vcard'; to: string }) => ({ path: to, fileName: 'Ambassador-contacts.vcf', format, contacts: 1234, sizeBytes: 4000 }));
    const user = userEvent.setup();
    render(<App />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Export format' }), 'vCard (address books)');
    await user.click(screen.getByRole('button', { name: 'Export contacts' }));
    expect(await screen.findByText('Exported 1,234 contacts')).toBeTruthy();
    expect(fake.dialogs.asked).toEqual([
      { dialog: 'save', choice: expect.objectContaining({ extensions: ['vcf'], suggestedName: expect.stringMatching(/^Ambassador-contacts-\d{4}-\d\d-\d\d\.vcf$/) }) },
    ]);
    expect(fake.callsTo('transfer.exportContacts')).toEqual([{ format: 'vcard', to: '/home/ada/Ambassador-contacts.vcf' }]);
  });
});
