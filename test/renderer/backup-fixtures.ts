import type { BackupFile, BackupManifest, BackupStatus, RestorePreview } from '../../shared/backup/backup.schemas.ts';
import type { DuplicateGroup } from '../../shared/duplicates/duplicates.schemas.ts';
import type { ImportPreview, ImportReport } from '../../shared/transfer/transfer.schemas.ts';
import { contactId, fullContact } from './fake-bridge.ts';

/** 2 Dec 2026 14:05 on the test machine's clock. */
export const madeAt = new Date(2026, 11, 2, 14, 5).toISOString();

export function manifest(change: Partial<BackupManifest> = {}): BackupManifest {
  return {
    format: 'ambassador-backup',
    formatVersion: 1,
    appVersion: '0.1.0',
    schemaVersion: '0006_create_transfers',
    createdAt: madeAt,
    reason: 'manual',
    counts: { contacts: 120, interactions: 340, followups: 12, purchases: 0 },
    ...change,
  };
}

export function backupFile(change: Partial<BackupFile> = {}, manifestChange: Partial<BackupManifest> = {}): BackupFile {
  return {
    fileName: 'Ambassador-2026-12-02-1405.ambassador',
    path: '/data/backups/Ambassador-2026-12-02-1405.ambassador',
    sizeBytes: 2_400_000,
    manifest: manifest(manifestChange),
    ...change,
  };
}

export function backupStatus(change: Partial<BackupStatus> = {}): BackupStatus {
  return {
    folder: '/data/backups',
    folderIsDefault: true,
    folderReachable: true,
    lastSuccess: null,
    lastFailure: null,
    warning: null,
    backups: [],
    undo: null,
    ...change,
  };
}

export function restorePreview(change: Partial<RestorePreview> = {}): RestorePreview {
  return {
    file: '/home/ada/Ambassador-2026-12-02-1405.ambassador',
    sizeBytes: 2_400_000,
    manifest: manifest(),
    needsUpdate: false,
    current: { contacts: 150, interactions: 400, followups: 20, purchases: 0 },
    ...change,
  };
}

const adaRow = {
  kind: 'person' as const,
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  emails: [{ label: 'work', value: 'ada@example.com', primary: true }],
  phones: [],
  address: null,
  birthday: null,
  notes: '',
  tags: [],
};

export function importPreview(change: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file: '/tmp/uploads/contacts.csv',
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    preset: 'google',
    columns: ['Name', 'E-mail 1 - Value', 'Organization 1 - Name'],
    mapping: [
      { column: 0, field: 'fullName' },
      { column: 1, field: 'email' },
      { column: 2, field: 'company' },
    ],
    totalRecords: 125,
    sample: [
      { line: 2, contact: adaRow, problems: [] },
      { line: 3, contact: { ...adaRow, firstName: 'Grace', lastName: 'Hopper', emails: [] }, problems: ['photo skipped'] },
    ],
    invalid: [{ line: 7, reason: 'No name, email or phone' }],
    duplicates: [
      { line: 12, incomingName: 'Ada Lovelace', existing: { id: contactId(1), displayName: 'Ada Lovelace' }, matchedBy: 'email', value: 'ada@example.com' },
      { line: 15, incomingName: 'Alan Turing', existing: { id: contactId(2), displayName: 'A. Turing' }, matchedBy: 'phone', value: '4412345' },
    ],
    photosSkipped: 1, blankLines: 0,
    ...change,
  };
}

export function importReport(change: Partial<ImportReport> = {}): ImportReport {
  return {
    batchId: 'batch-1',
    file: '/tmp/uploads/contacts.csv',
    format: 'csv',
    total: 125,
    created: 120,
    merged: 3,
    skipped: 2,
    photosSkipped: 1, blankLines: 0,
    rows: [
      { line: 2, outcome: 'created', name: 'Ada Lovelace', contactId: contactId(10), reason: null },
      { line: 7, outcome: 'skipped', name: '', contactId: null, reason: 'No name, email or phone' },
      { line: 12, outcome: 'merged', name: 'Ada Lovelace', contactId: contactId(1), reason: 'same email as Ada Lovelace' },
    ],
    ...change,
  };
}

export function duplicateGroup(change: Partial<DuplicateGroup> = {}): DuplicateGroup {
  return {
    reason: 'email',
    value: 'ada@example.com',
    contacts: [
      fullContact({ id: contactId(1), displayName: 'Ada Lovelace', createdAt: new Date(2025, 0, 1, 9, 0).toISOString() }),
      fullContact({ id: contactId(2), firstName: 'Ada', lastName: 'King', displayName: 'Ada King', createdAt: new Date(2026, 10, 30, 17, 45).toISOString(), phones: [{ label: 'mobile', value: '+44 20 1234', primary: true }] }),
    ],
    ...change,
  };
}
