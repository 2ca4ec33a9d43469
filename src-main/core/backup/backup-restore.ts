import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrations } from '../../../migrations/index.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { BackupFile, RestorePreview, RestoreResult } from '../../../shared/backup/backup.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { syncFile } from '../db/durable-files.ts';
import { DatabaseOpenError, folderProblem } from '../db/open-errors.ts';
import { checkBackupFile } from './backup-checks.ts';
import { makeLiveDatabase } from './backup-file.repository.ts';
import { dataFolderOf } from './backup-making.ts';
import { readBackupState, updateBackupState } from './backup-state.ts';
import { countLiveRecords } from './backup.repository.ts';
import { makeSafetyBackup } from './backup.service.ts';

const knownMigrations = Object.keys(migrations);

function refuseLiveFile(ctx: CoreContext, file: string): void {
  const live = dataFolderOf(ctx).databaseFile;
  if (file === live || file.startsWith(`${live}-`) || file.startsWith(`${live}.`)) {
    const message = 'That is Ambassador’s own data file, not a backup. Choose a backup file (its name ends in .ambassador).';
    throw new AppError('VALIDATION', message, { fields: [{ path: 'file', message }] });
  }
}

/** What restoring `file` would bring back, beside what is there now; a file that is not a good backup is refused with its reason. */
export async function inspectBackup(ctx: CoreContext, file: string): Promise<RestorePreview> {
  const source = resolve(file);
  refuseLiveFile(ctx, source);
  const checked = checkBackupFile(source, knownMigrations);
  return { file: source, sizeBytes: checked.sizeBytes, manifest: checked.manifest, needsUpdate: checked.needsUpdate, current: await countLiveRecords(ctx.db) };
}

function explainRestoreFailure(error: unknown, file: string): unknown {
  if (error instanceof DatabaseOpenError) {
    // The swap happened, but the backup did not open or update: the previous data was put back.
    const message = `${file} could not be brought up to date for this version of Ambassador, so nothing was restored and your data is as it was. Choose another backup.`;
    return new AppError('VALIDATION', message, { fields: [{ path: 'file', message }] });
  }
  const code = String((error as { code?: unknown }).code ?? '');
  if (!['ENOSPC', 'EACCES', 'EPERM', 'EROFS'].includes(code) && !code.startsWith('SQLITE_FULL') && !code.startsWith('SQLITE_READONLY')) return error;
  const why = code === 'ENOSPC' || code.startsWith('SQLITE_FULL') ? 'the disk is full' : folderProblem(error);
  return new AppError('STORAGE', `Ambassador could not restore the backup beside its data (${why}). Your data is unchanged; free some space or fix the folder, then try again.`, {
    reason: why === 'the disk is full' ? 'disk-full' : 'read-only',
  });
}

/**
 * Restores a backup: checks it again, makes a safety copy of the data as it is
 * now (Undo restore brings it back), and has the core swap the database with
 * every call paused; an older schema is migrated on the way in. Every window
 * reloads on `backup.restored`.
 */
export async function restoreBackup(ctx: CoreContext, file: string, undoing = false): Promise<RestoreResult> {
  const source = resolve(file);
  refuseLiveFile(ctx, source);
  const checked = checkBackupFile(source, knownMigrations);
  let safetyBackup: BackupFile | undefined;
  try {
    await dataFolderOf(ctx).replaceDatabase({
      prepare: async (temp) => {
        copyFileSync(source, temp);
        // What is restored is this copy: check it, not the file it came from, which could change meanwhile.
        checkBackupFile(temp, knownMigrations);
        makeLiveDatabase(temp);
        syncFile(temp);
      },
      // Paused, so the safety copy holds every write made before the swap.
      beforeSwap: async () => {
        safetyBackup = await makeSafetyBackup(ctx);
      },
    });
  } catch (error) {
    throw explainRestoreFailure(error, source);
  }
  const restoredAt = new Date(nowOf(ctx)).toISOString();
  const safety = safetyBackup!;
  updateBackupState(dataFolderOf(ctx).dir, () => ({ undo: undoing ? null : { restoredAt, restoredFrom: source, safetyBackup: safety.path } }));
  ctx.notify?.({ name: 'backup.restored', payload: { undone: undoing } });
  return { restoredFrom: source, manifest: checked.manifest, safetyBackup: safety, counts: await countLiveRecords(ctx.db) };
}

/** Undo restore: brings back the data as it was just before the last restore (itself kept as a safety copy first). */
export async function undoRestore(ctx: CoreContext): Promise<RestoreResult> {
  const undo = readBackupState(dataFolderOf(ctx).dir).undo;
  if (!undo) throw new AppError('VALIDATION', 'There is no restore to undo.');
  return restoreBackup(ctx, undo.safetyBackup, true);
}
