import type { PurchaseImportBatch, PurchaseImportPreview, PurchaseImportReport } from '../../shared/commerce/purchase-import.schemas.ts';
import { madeAt } from './backup-fixtures.ts';

/** A till export read as the core would read it: five columns, two sample rows, two skipped lines, four rows from two new customers. */
export function purchasePreview(change: Partial<PurchaseImportPreview> = {}): PurchaseImportPreview {
  return {
    file: '/home/ada/till.csv',
    encoding: 'utf-8',
    delimiter: ';',
    hasHeader: true,
    dateOrder: 'dmy',
    columns: ['Order date', 'Customer no', 'E-mail', 'Total', 'Notes'],
    mapping: [
      { column: 0, field: 'date' },
      { column: 1, field: 'customerId' },
      { column: 2, field: 'email' },
      { column: 3, field: 'amount' },
      { column: 4, field: 'skip' },
    ],
    totalRows: 40,
    sample: [
      { line: 2, customer: 'ada@example.com', matchedBy: 'email', contactName: 'Ada Lovelace', occurredOn: '2026-11-03', kind: 'sale', grossCents: 123_450, discountCents: 1_000, problem: null },
      { line: 3, customer: 'C-77', matchedBy: 'new', contactName: null, occurredOn: '2026-11-04', kind: 'refund', grossCents: -2_500, discountCents: null, problem: null },
      { line: 4, customer: 'C-78', matchedBy: null, contactName: null, occurredOn: null, kind: null, grossCents: null, discountCents: null, problem: 'The date “31/31/2026” is not a date' },
    ],
    invalid: [
      { line: 4, reason: 'The date “31/31/2026” is not a date' },
      { line: 19, reason: 'No amount' },
    ],
    matched: { customerId: 20, email: 12, phone: 2 },
    unmatchedRows: 4,
    unmatchedCustomers: 2,
    blankLines: 1,
    ...change,
  };
}

export function purchaseReport(change: Partial<PurchaseImportReport> = {}): PurchaseImportReport {
  return {
    batchId: 'pbatch-1',
    file: '/home/ada/till.csv',
    total: 40,
    imported: 34,
    matched: 34,
    createdContacts: 0,
    skipped: 6,
    blankLines: 1,
    plansStarted: 3,
    rows: [
      { line: 3, outcome: 'skipped', contactId: null, matchedBy: null, reason: 'C-77 is not a contact' },
      { line: 4, outcome: 'skipped', contactId: null, matchedBy: null, reason: 'The date “31/31/2026” is not a date' },
      { line: 19, outcome: 'skipped', contactId: null, matchedBy: null, reason: 'No amount' },
    ],
    ...change,
  };
}

export function purchaseBatch(change: Partial<PurchaseImportBatch> = {}): PurchaseImportBatch {
  return { batchId: 'pbatch-1', fileName: 'till.csv', importedAt: madeAt, total: 40, imported: 34, createdContacts: 0, skipped: 6, undoneAt: null, ...change };
}
