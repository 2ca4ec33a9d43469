import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ImportPreview, ImportReport } from '../../shared/transfer/transfer.schemas.ts';
import { create } from './checks.ts';
import type { ParityCase } from './parity-case.ts';

// Import, its undo, export, and merging duplicates, told as data: the same
// stories through every transport. The file is on this machine, as the core's are.

const folder = mkdtempSync(join(tmpdir(), 'ambassador-parity-transfer-'));
const file = join(folder, 'contacts.csv');
/** The parity test removes the folder once every transport has run. */
export const removeTransferFiles = () => rmSync(folder, { recursive: true, force: true });
writeFileSync(file, 'First Name,Last Name,Email\nAda,Lovelace,ADA@example.com\nGrace,Hopper,grace@navy.mil\nNobody,,not-an-email\n');

export const transferCases: ParityCase[] = [
  {
    name: 'previews an import, imports it merging the duplicate, lists it, undoes it once',
    steps: [
      create({ firstName: 'Ada', lastName: 'Lovelace', emails: [{ value: 'ada@example.com' }] }, 'ada'),
      {
        call: 'transfer.previewImport',
        input: { file },
        check: (preview: ImportPreview, kept) => {
          expect(preview).toMatchObject({ totalRecords: 3, invalid: [{ line: 4, reason: 'Email: Enter an email address like name@example.com.' }] });
          expect(preview.duplicates).toEqual([{ line: 2, incomingName: 'Ada Lovelace', existing: { id: kept.ada.id, displayName: 'Ada Lovelace' }, matchedBy: 'email', value: 'ada@example.com' }]);
        },
      },
      {
        call: 'transfer.importContacts',
        input: { file, duplicates: { all: 'merge' } },
        check: (report: ImportReport) => expect(report).toMatchObject({ total: 3, created: 1, merged: 1, skipped: 1 }),
        keep: 'report',
      },
      { call: 'transfer.imports', check: (batches, kept) => expect(batches).toMatchObject([{ batchId: kept.report.batchId, undoneAt: null }]) },
      { call: 'transfer.undoImport', input: (kept) => ({ batchId: kept.report.batchId }), answerLike: { ok: true, value: { removed: 1, restored: 1 } } },
      {
        call: 'transfer.undoImport',
        input: (kept) => ({ batchId: kept.report.batchId }),
        answerLike: { ok: false, error: { code: 'VALIDATION', message: 'Import: That import was already undone.' } },
      },
    ],
  },
  {
    name: 'exports to a chosen file, and refuses a file it cannot read',
    steps: [
      create({ firstName: 'Ada', lastName: 'Lovelace' }, 'ada'),
      { call: 'transfer.exportContacts', input: { format: 'vcard', to: join(folder, 'out.vcf') }, answerLike: { ok: true, value: { fileName: 'out.vcf', contacts: 1 } } },
      { call: 'transfer.previewImport', input: { file: join(folder, 'missing.csv') }, answerLike: { ok: false, error: { code: 'VALIDATION' } } },
    ],
  },
  {
    name: 'finds two contacts with one email, merges them and undoes the merge',
    steps: [
      create({ firstName: 'Ada', emails: [{ value: 'ada@example.com' }] }, 'ada'),
      create({ firstName: 'Augusta', emails: [{ value: 'Ada@Example.com' }] }, 'augusta'),
      { call: 'duplicates.find', check: (groups, kept) => expect(groups).toMatchObject([{ reason: 'email', value: 'ada@example.com', contacts: [{ id: kept.ada.id }, { id: kept.augusta.id }] }]) },
      { call: 'duplicates.merge', input: (kept) => ({ keepId: kept.ada.id, mergeId: kept.augusta.id }), keep: 'merge' },
      { call: 'duplicates.merges', input: (kept) => ({ contactId: kept.ada.id }), check: (records, kept) => expect(records).toMatchObject([{ mergeId: kept.merge.mergeId, undoneAt: null }]) },
      { call: 'duplicates.undoMerge', input: (kept) => ({ mergeId: kept.merge.mergeId }), check: (undone, kept) => expect(undone.restored).toMatchObject({ id: kept.augusta.id, deletedAt: null }) },
    ],
  },
];
