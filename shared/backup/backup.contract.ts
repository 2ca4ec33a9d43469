import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import { BackupFile, BackupSource, BackupStatus, CreateBackup, RestorePreview, RestoreResult, SetBackupFolder } from './backup.schemas.ts';

/** Backups to a file, automatic and by hand; restore with a preview and an undo. */
export const backupContract = {
  'backup.status': { input: z.object({}), output: BackupStatus },
  'backup.create': { input: CreateBackup, output: BackupFile },
  'backup.setFolder': { input: SetBackupFolder, output: BackupStatus },
  /** Checks a file and says what restoring it would bring back; refuses bad files with their reason. */
  'backup.inspect': { input: BackupSource, output: RestorePreview },
  'backup.restore': { input: BackupSource, output: RestoreResult },
  'backup.undoRestore': { input: z.object({}), output: RestoreResult },
} as const satisfies ContractSlice;
