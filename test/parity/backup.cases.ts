import { expect } from 'vitest';
import type { BackupFile, BackupStatus, RestorePreview, RestoreResult } from '../../shared/backup/backup.schemas.ts';
import { create, pageNames } from './checks.ts';
import type { ParityCase } from './parity-case.ts';

// Backups, told as data: the same stories through every transport.

export const backupCases: ParityCase[] = [
  {
    name: 'backs up, previews the backup, restores it with a safety copy, and undoes the restore',
    steps: [
      create({ firstName: 'Ada' }, 'ada'),
      { call: 'backup.create', keep: 'backup', check: (file: BackupFile) => expect(file.manifest).toMatchObject({ reason: 'manual', counts: { contacts: 1 } }) },
      create({ firstName: 'Grace' }, 'grace'),
      {
        call: 'backup.inspect',
        input: (kept) => ({ file: kept.backup.path }),
        check: (preview: RestorePreview) => expect(preview).toMatchObject({ needsUpdate: false, manifest: { counts: { contacts: 1 } }, current: { contacts: 2 } }),
      },
      {
        call: 'backup.restore',
        input: (kept) => ({ file: kept.backup.path }),
        check: (result: RestoreResult) => expect(result).toMatchObject({ counts: { contacts: 1 }, safetyBackup: { manifest: { reason: 'before-restore', counts: { contacts: 2 } } } }),
      },
      { call: 'contacts.list', check: pageNames('Ada') },
      { call: 'backup.status', check: (status: BackupStatus, kept) => expect(status.undo?.restoredFrom).toBe(kept.backup.path) },
      { call: 'backup.undoRestore' },
      { call: 'contacts.list', check: pageNames('Ada', 'Grace') },
      { call: 'backup.status', check: (status: BackupStatus) => expect(status.undo).toBeNull() },
    ],
  },
  {
    name: 'refuses a file that is not there, and a folder that is not absolute',
    steps: [
      {
        call: 'backup.inspect',
        input: { file: '/no/such/backup.ambassador' },
        answer: {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'There is no file at /no/such/backup.ambassador. Choose the backup file again.',
            details: { fields: [{ path: 'file', message: 'There is no file at /no/such/backup.ambassador. Choose the backup file again.' }] },
          },
        },
      },
      { call: 'backup.setFolder', input: { folder: 'Backups' }, refusal: (error) => expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('“Backups”') }) },
    ],
  },
];
