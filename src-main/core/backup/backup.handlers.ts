import type { backupContract } from '../../../shared/backup/backup.contract.ts';
import type { HandlersFor } from '../handler.ts';
import { inspectBackup, restoreBackup, undoRestore } from './backup-restore.ts';
import { backupStatus, createBackup, setBackupFolder } from './backup.service.ts';

export { automaticBackups } from './backup-automatic.ts';

export const backupHandlers = {
  'backup.status': async (ctx) => backupStatus(ctx),
  'backup.create': (ctx, input) => createBackup(ctx, input.to),
  'backup.setFolder': async (ctx, input) => setBackupFolder(ctx, input.folder),
  'backup.inspect': (ctx, input) => inspectBackup(ctx, input.file),
  'backup.restore': (ctx, input) => restoreBackup(ctx, input.file),
  'backup.undoRestore': (ctx) => undoRestore(ctx),
} satisfies HandlersFor<typeof backupContract>;
