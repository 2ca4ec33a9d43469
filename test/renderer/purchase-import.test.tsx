// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PurchaseImportBatch, PurchaseReadOptions } from '../../shared/commerce/purchase-import.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { backupStatus, madeAt } from './backup-fixtures.ts';
import { directoryOf, Fail } from './fake-bridge.ts';
import { settings } from './plans-fixtures.ts';
import { purchaseBatch, purchasePreview, purchaseReport } from './purchase-import-fixtures.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

let batches: PurchaseImportBatch[] = [];
beforeEach(() => {
  fake.reset();
  batches = [];
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('backup.status', () => backupStatus());
  fake.handle('transfer.imports', () => []);
  fake.handle('purchases.imports', () => batches);
  fake.handle('settings.get', () => settings({ currency: 'EUR' }));
  fake.handle('purchases.previewImport', ({ dateOrder, mapping }: PurchaseReadOptions) => purchasePreview({ ...(dateOrder ? { dateOrder } : {}), ...(mapping ? { mapping } : {}) }));
  resetAppState();
  navigate({ screen: 'backup' });
});
afterEach(cleanup);

const money = (cents: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(cents / 100);

async function openPreview() {
  fake.dialogs.open = '/home/ada/till.csv';
  const user = userEvent.setup();
  render(<App />);
  await user.click(await screen.findByRole('button', { name: 'Import purchases' }));
  await screen.findByText('As they will be saved (first 3)');
  return user;
}

const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('Import purchases', () => {
  it('shows how the file is read, where each column goes, the rows as they will be saved and what will happen to every row', async () => {
    await openPreview();
    expect(fake.dialogs.asked[0]).toEqual({ dialog: 'open', choice: expect.objectContaining({ title: 'Import purchases', extensions: ['csv', 'txt', 'tsv'] }) });
    expect(fake.callsTo('purchases.previewImport')).toEqual([{ file: '/home/ada/till.csv' }]);
    const section = screen.getByRole('heading', { name: 'Import purchases' }).parentElement as HTMLElement;
    expect(within(section).getByText(/· 40 rows/)).toBeTruthy();
    expect(select('Encoding').value).toBe('utf-8');
    expect(select('Delimiter').selectedOptions[0]?.textContent).toBe('Semicolon ( ; )');
    expect([...select('Delimiter').options].map((option) => option.textContent)).toContain('Spaces (columns lined up)');
    expect(select('Header row').selectedOptions[0]?.textContent).toBe('First row names the columns');
    expect(select('Date format').selectedOptions[0]?.textContent).toBe('Day/month/year (31/12/2026)');
    expect(select('Column “Order date”').selectedOptions[0]?.textContent).toBe('Date');
    expect(select('Column “Customer no”').selectedOptions[0]?.textContent).toBe('Customer id');
    expect(select('Column “Notes”').value).toBe('skip');
    expect([...select('Column “Total”').options].map((option) => option.textContent)).toEqual([
      'Skip', 'Customer id', 'Email', 'Phone', 'Customer name', 'Date', 'Amount', 'Discount', 'Product cost', 'Channel', 'Channel cost', 'Kind', 'Description', 'Order number',
    ]);

    const sample = screen.getByText('As they will be saved (first 3)').parentElement as HTMLElement;
    await waitFor(() => expect(within(sample).getByRole('row', { name: new RegExp(`^2 2026-11-03 ada@example.com \\(Ada Lovelace\\) email Sale ${escape(money(123_450))} ${escape(money(1_000))}`) })).toBeTruthy());
    expect(within(sample).getByRole('row', { name: new RegExp(`^3 2026-11-04 C-77 new contact Refund ${escape(money(-2_500))}`) })).toBeTruthy();
    expect(within(sample).getByRole('row', { name: '4 C-78 The date “31/31/2026” is not a date' })).toBeTruthy();

    for (const count of ['Matched by customer id: 20 rows', 'Matched by email: 12 rows', 'Matched by phone: 2 rows', 'Not in your contacts: 4 rows from 2 customers', 'Will be skipped: 2 rows']) {
      expect(screen.getByText(count)).toBeTruthy();
    }
    const skipped = screen.getByRole('region', { name: 'Rows that will be skipped' });
    expect(within(skipped).getByRole('row', { name: '4 The date “31/31/2026” is not a date' })).toBeTruthy();
    expect(within(skipped).getByRole('row', { name: '19 No amount' })).toBeTruthy();
    const unmatched = screen.getByRole('group', { name: 'Customers not in your contacts (2 customers, 4 rows)' });
    expect((within(unmatched).getByRole('radio', { name: 'Create a contact for each' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('38 of 40 rows can be imported (1 blank line passed over). Nothing is saved until you start.')).toBeTruthy();
  });

  it('reads the file again with the date format or a column’s mapping the user chose', async () => {
    const user = await openPreview();
    await user.selectOptions(select('Date format'), 'Month/day/year (12/31/2026)');
    await waitFor(() => expect(fake.callsTo('purchases.previewImport')).toHaveLength(2));
    expect(fake.callsTo('purchases.previewImport')[1]).toEqual({ file: '/home/ada/till.csv', dateOrder: 'mdy' });
    await waitFor(() => expect(select('Date format').value).toBe('mdy'));

    await user.selectOptions(select('Column “Notes”'), 'Description');
    await waitFor(() => expect(fake.callsTo('purchases.previewImport')).toHaveLength(3));
    expect(fake.callsTo('purchases.previewImport')[2]).toEqual({
      file: '/home/ada/till.csv',
      dateOrder: 'mdy',
      mapping: [
        { column: 0, field: 'date' },
        { column: 1, field: 'customerId' },
        { column: 2, field: 'email' },
        { column: 3, field: 'amount' },
        { column: 4, field: 'description' },
      ],
    });
    await waitFor(() => expect(select('Column “Notes”').value).toBe('description'));

    // Another delimiter or header row can change the columns: the core maps them afresh.
    await user.selectOptions(select('Delimiter'), 'Spaces (columns lined up)');
    await waitFor(() => expect(fake.callsTo('purchases.previewImport')).toHaveLength(4));
    expect(fake.callsTo('purchases.previewImport')[3]).toEqual({ file: '/home/ada/till.csv', dateOrder: 'mdy', delimiter: 'whitespace' });
    await user.selectOptions(select('Header row'), 'No header: every row is a purchase');
    await waitFor(() => expect(fake.callsTo('purchases.previewImport')).toHaveLength(5));
    expect(fake.callsTo('purchases.previewImport')[4]).toEqual({ file: '/home/ada/till.csv', dateOrder: 'mdy', delimiter: 'whitespace', hasHeader: false });
  });

  it('skips customers who are not contacts when asked, shows progress, reports every skipped row and undoes the import', async () => {
    let finish: () => void = () => {};
    fake.handle('purchases.import', async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      batches = [purchaseBatch()];
      return purchaseReport();
    });
    fake.handle('purchases.undoImport', ({ batchId }: { batchId: string }) => {
      batches = batches.map((batch) => ({ ...batch, undoneAt: madeAt }));
      return { batchId, removedPurchases: 34, removedContacts: 0, keptContacts: 0 };
    });
    const user = await openPreview();
    await user.click(screen.getByRole('radio', { name: 'Skip those rows and report them' }));
    expect(screen.getByText('34 of 40 rows can be imported (1 blank line passed over). Nothing is saved until you start.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start purchase import' }));

    expect(await screen.findByRole('progressbar', { name: 'Importing purchases' })).toBeTruthy();
    fake.emit({ name: 'purchases.importProgress', payload: { done: 10, total: 40 } });
    expect(await screen.findByText('Importing purchases… 25%')).toBeTruthy();
    expect(fake.callsTo('purchases.import')).toEqual([{ file: '/home/ada/till.csv', unmatched: 'skip' }]);
    finish();

    const report = await screen.findByRole('region', { name: 'Imported purchases from till.csv' });
    for (const count of ['Imported 34', 'Matched 34', 'Created 0 contacts', 'Skipped 6', 'Plans started 3']) expect(within(report).getByText(count)).toBeTruthy();
    expect(within(report).getByRole('row', { name: '3 Skipped C-77 is not a contact' })).toBeTruthy();
    expect(within(report).getByRole('row', { name: '19 Skipped No amount' })).toBeTruthy();

    // purchases.changed brings the import into the recent list, pointing at the report's one Undo purchase import.
    fake.emit({ name: 'purchases.changed', payload: { ids: [], contactIds: [], reason: 'imported' } });
    expect(await screen.findByText('Its report is above')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Undo purchase import' })).toHaveLength(1);

    await user.click(within(report).getByRole('button', { name: 'Undo purchase import' }));
    expect(fake.callsTo('purchases.undoImport')).toEqual([{ batchId: 'pbatch-1' }]);
    expect(await within(report).findByText('Purchase import undone: removed 34 purchases.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo purchase import' })).toBeNull();
    fake.emit({ name: 'purchases.changed', payload: { ids: [], contactIds: [], reason: 'import_undone' } });
    expect(await screen.findByText('Undone 2 Dec 2026 14:05')).toBeTruthy();
  });

  it('lists the rows whose contact the import created, and leaves out plans when none started', async () => {
    fake.handle('purchases.import', () =>
      purchaseReport({
        imported: 38,
        matched: 34,
        createdContacts: 2,
        skipped: 2,
        plansStarted: 0,
        rows: [
          { line: 3, outcome: 'imported', contactId: null, matchedBy: 'new', reason: null },
          { line: 19, outcome: 'skipped', contactId: null, matchedBy: null, reason: 'No amount' },
        ],
      }),
    );
    const user = await openPreview();
    await user.click(screen.getByRole('button', { name: 'Start purchase import' }));
    const report = await screen.findByRole('region', { name: 'Imported purchases from till.csv' });
    expect(fake.callsTo('purchases.import')).toEqual([{ file: '/home/ada/till.csv', unmatched: 'create' }]);
    expect(within(report).getByText('Created 2 contacts')).toBeTruthy();
    expect(within(report).queryByText(/Plans started/)).toBeNull();
    expect(within(report).getByRole('row', { name: '3 Imported, new contact created' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Done with this purchase import' }));
    expect(screen.queryByRole('region', { name: /^Imported purchases from/ })).toBeNull();
  });

  it('undoes an earlier import from the recent list, where the newest one’s button is “Undo purchase import”', async () => {
    batches = [purchaseBatch({ batchId: 'p2' }), purchaseBatch({ batchId: 'p1', imported: 5 }), purchaseBatch({ batchId: 'p0', undoneAt: madeAt })];
    fake.handle('purchases.undoImport', ({ batchId }: { batchId: string }) => ({ batchId, removedPurchases: 5, removedContacts: 2, keptContacts: 1 }));
    const user = userEvent.setup();
    render(<App />);
    const second = await screen.findByRole('button', { name: 'Undo till.csv, purchases imported 2 Dec 2026 14:05, p1' });
    expect(screen.getAllByRole('button', { name: 'Undo purchase import' })).toHaveLength(1);
    expect(screen.getByText('Undone 2 Dec 2026 14:05')).toBeTruthy();
    await user.click(second);
    expect(fake.callsTo('purchases.undoImport')).toEqual([{ batchId: 'p1' }]);
    expect(await screen.findByText('Undid the purchase import of till.csv: removed 5 purchases and 2 contacts it made (in the Trash); 1 contact kept, it has other data now')).toBeTruthy();
  });

  it('says why a file cannot be read and what to do, and Cancel returns to the start', async () => {
    fake.handle('purchases.previewImport', () => {
      throw new Fail({ code: 'VALIDATION', message: 'Line 1 of /home/ada/photo.jpg is not text. Export the purchases as CSV and try again.' });
    });
    fake.dialogs.open = '/home/ada/photo.jpg';
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Import purchases' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Line 1 of /home/ada/photo.jpg is not text. Export the purchases as CSV and try again.');
    expect(alert.textContent).toContain('or Cancel to leave it');
    expect(screen.queryByRole('button', { name: 'Start purchase import' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel this purchase import' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel this purchase import' })).toBeNull();
  });

  it('says when nothing in the file can be imported, and does not offer to start', async () => {
    fake.handle('purchases.previewImport', () =>
      purchasePreview({ totalRows: 2, sample: [], invalid: [{ line: 2, reason: 'No amount' }, { line: 3, reason: 'No amount' }], matched: { customerId: 0, email: 0, phone: 0 }, unmatchedRows: 0, unmatchedCustomers: 0 }),
    );
    await openPreviewWithoutSample();
    expect(screen.getByText(/Nothing in this file can be imported as it is read now\. Check the date format and where each column goes/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Start purchase import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('group', { name: /^Customers not in your contacts/ })).toBeNull();
  });
});

async function openPreviewWithoutSample() {
  fake.dialogs.open = '/home/ada/till.csv';
  const user = userEvent.setup();
  render(<App />);
  await user.click(await screen.findByRole('button', { name: 'Import purchases' }));
  await screen.findByText('The file has no rows to import.');
  return user;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
