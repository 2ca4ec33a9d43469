import { rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { appVersion } from '../../../shared/app-version.ts';
import { BackupManifest, type BackupFile } from '../../../shared/backup/backup.schemas.ts';
import { nowOf, type CoreContext, type DataFolder } from '../context.ts';
import { renameDurably, syncFile } from '../db/durable-files.ts';
import { folderProblem } from '../db/open-errors.ts';
import { changesSinceOpen } from './backup.repository.ts';
import { finishCopyAside } from './finish-copy-aside.ts';

// Rows each connection had changed when its last backup was copied (a restore
// opens a new connection): whether the backup at quit has anything new to keep.
const changesAtBackup = new WeakMap<object, number>();

/** Called when automatic backups start: what this connection changed so far is not news. */
export async function noteNoChangesYet(ctx: CoreContext): Promise<void> {
  if (!changesAtBackup.has(ctx.db)) changesAtBackup.set(ctx.db, await changesSinceOpen(ctx.db));
}

export async function hasChangedSinceBackup(ctx: CoreContext): Promise<boolean> {
  return (await changesSinceOpen(ctx.db)) > (changesAtBackup.get(ctx.db) ?? 0);
}

/** Progress is worth showing past this many pages (about 8 MB). */
const largeDatabasePages = 2048;

export function dataFolderOf(ctx: CoreContext): DataFolder {
  if (!ctx.dataFolder) throw new AppError('INTERNAL', 'Backups need the whole core; this one runs without its data folder.');
  return ctx.dataFolder;
}

function explainFailure(error: unknown, target: string): AppError {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const folder = dirname(target);
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) {
    return new AppError('STORAGE', `The disk that holds ${folder} is full, so the backup was not made. Free some space or choose another folder, then try again.`, { reason: 'disk-full' });
  }
  if (['EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || error instanceof TypeError) {
    const why = error instanceof TypeError || code === 'ENOENT' ? 'it is not there' : folderProblem(error);
    return new AppError('STORAGE', `Ambassador cannot write a backup in ${folder} (${why}). Choose another folder, then try again.`, { reason: 'read-only' });
  }
  return new AppError('STORAGE', `The backup could not be written to ${target} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Your data is unchanged; try again.`, { reason: 'disk-error' });
}

/**
 * Makes one backup file at `target` while the app keeps working: a consistent
 * copy through SQLite's backup API written as `<target>.partial`, the manifest
 * written into it, the whole file checked (`integrity_check`, the manifest read
 * back), flushed, and only then renamed to `target`. A backup that exists is a
 * backup that opens; a failure leaves no file under that name.
 */
export async function makeBackupFile(ctx: CoreContext, target: string, reason: BackupManifest['reason']): Promise<BackupFile> {
  const partial = `${target}.partial`;
  try {
    rmSync(partial, { force: true });
    const db = ctx.db;
    const changes = await changesSinceOpen(db);
    let pages = 0;
    const tell = (done: number) => ctx.notify?.({ name: 'backup.progress', payload: { operation: 'backup', done, total: pages } });
    await dataFolderOf(ctx).copyDatabase(partial, (done, total) => {
      pages = total;
      if (pages > largeDatabasePages) tell(done);
    });
    if (pages > largeDatabasePages) tell(pages);
    const createdAt = new Date(nowOf(ctx)).toISOString();
    const finished = await finishCopyAside({ file: partial, manifest: { format: 'ambassador-backup', formatVersion: 1, appVersion, createdAt, reason } });
    const manifest = BackupManifest.safeParse(finished.manifest);
    if (finished.problems.length > 0 || !manifest.success) {
      throw new AppError('INTERNAL', 'The backup copy failed its check (SQLite found it damaged), so it was not kept. Your data is unchanged; try again.');
    }
    syncFile(partial);
    renameDurably(partial, target);
    changesAtBackup.set(db, changes);
    return { fileName: target.split(/[\\/]/).at(-1)!, path: target, sizeBytes: statSync(target).size, manifest: manifest.data };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw explainFailure(error, target);
  }
}
