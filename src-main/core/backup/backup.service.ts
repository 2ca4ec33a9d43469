import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import type { BackupFile, BackupManifest, BackupStatus } from '../../../shared/backup/backup.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { checkChosenFolder, defaultBackupFolder, listBackups, unreachableBecause } from './backup-folder.ts';
import { dataFolderOf, makeBackupFile } from './backup-making.ts';
import { freeBackupPath, isBackupName } from './backup-names.ts';
import { readBackupState, updateBackupState, type BackupState } from './backup-state.ts';
import { backupsToRemove } from './rotation.ts';


const day = 86_400_000;
/** With no successful backup for this long, the app warns. */
const warnAfter = 7 * day;

const isoNow = (ctx: CoreContext) => new Date(nowOf(ctx)).toISOString();

function warningFor(ctx: CoreContext, state: BackupState, folder: string, problem: string | undefined): string | null {
  const fallback = defaultBackupFolder(dataFolderOf(ctx).dir);
  if (problem && state.folder) {
    return `The backups folder ${folder} cannot be reached (${problem}). Until it is back, backups go to ${fallback}: reconnect it, or choose another folder.`;
  }
  if (problem) return `Ambassador cannot keep backups in ${folder} (${problem}). Choose another backups folder.`;
  const failure = state.lastFailure;
  if (failure?.automatic && (!state.lastSuccess || failure.at > state.lastSuccess.at)) {
    return `The last automatic backup failed: ${failure.message} Make one with Back up now, or choose another backups folder.`;
  }
  if (!state.lastSuccess) return 'Your data has not been backed up yet. Make a backup with Back up now.';
  if (nowOf(ctx) - Date.parse(state.lastSuccess.at) >= warnAfter) {
    return 'Your data has not been backed up for 7 days or more. Make a backup with Back up now, and check the backups folder.';
  }
  return null;
}

/** What the Backup screen shows: the folder, the last success and failure, a warning when something needs doing, the backups there. */
export function backupStatus(ctx: CoreContext): BackupStatus {
  const dataDir = dataFolderOf(ctx).dir;
  const state = readBackupState(dataDir);
  const folder = state.folder ?? defaultBackupFolder(dataDir);
  const problem = unreachableBecause(folder, !state.folder);
  return {
    folder,
    folderIsDefault: !state.folder,
    folderReachable: !problem,
    lastSuccess: state.lastSuccess,
    lastFailure: state.lastFailure && { at: state.lastFailure.at, message: state.lastFailure.message },
    warning: warningFor(ctx, state, folder, problem),
    backups: listBackups(problem ? defaultBackupFolder(dataDir) : folder),
    undo: state.undo,
  };
}

export function setBackupFolder(ctx: CoreContext, folder: string | null): BackupStatus {
  const chosen = folder === null ? null : checkChosenFolder(folder);
  updateBackupState(dataFolderOf(ctx).dir, () => ({ folder: chosen && chosen !== defaultBackupFolder(dataFolderOf(ctx).dir) ? chosen : null }));
  ctx.notify?.({ name: 'backup.changed', payload: { reason: 'folder' } });
  return backupStatus(ctx);
}

/**
 * Remembers how a backup went. A backup that was made stands even when this
 * cannot be written (a read-only data folder): the failure is only logged.
 */
function remember(ctx: CoreContext, change: Parameters<typeof updateBackupState>[1]): void {
  try {
    updateBackupState(dataFolderOf(ctx).dir, change);
  } catch (error) {
    console.error('Ambassador could not write down how the backup went:', error);
  }
}

/** Makes a backup and remembers how it went (a safety copy before a restore is not the user's backup, so it is not remembered). */
async function recorded(ctx: CoreContext, target: string, reason: BackupManifest['reason']): Promise<BackupFile> {
  try {
    const file = await makeBackupFile(ctx, target, reason);
    if (reason !== 'before-restore') {
      remember(ctx, () => ({ lastSuccess: { at: file.manifest.createdAt, fileName: file.fileName, path: file.path } }));
      ctx.notify?.({ name: 'backup.changed', payload: { reason: 'created' } });
    }
    return file;
  } catch (error) {
    if (reason !== 'before-restore') {
      const message = error instanceof AppError ? error.message : String(error);
      remember(ctx, () => ({ lastFailure: { at: isoNow(ctx), message, automatic: reason === 'automatic' } }));
      ctx.notify?.({ name: 'backup.changed', payload: { reason: 'failed' } });
    }
    throw error;
  }
}

/** The folder a backup goes to now, and why the chosen one was passed over (it is unreachable: the default takes its place). */
function backupFolderNow(ctx: CoreContext): { folder: string; passedOver?: string } {
  const dataDir = dataFolderOf(ctx).dir;
  const state = readBackupState(dataDir);
  const fallback = defaultBackupFolder(dataDir);
  const problem = state.folder ? unreachableBecause(state.folder, false) : undefined;
  if (!state.folder || problem) {
    const fallbackProblem = unreachableBecause(fallback, true);
    if (fallbackProblem) throw new AppError('STORAGE', `Ambassador cannot write backups in ${fallback} (${fallbackProblem}). Choose another backups folder.`);
  }
  if (!state.folder) return { folder: fallback };
  return problem ? { folder: fallback, passedOver: `The backups folder ${state.folder} could not be reached (${problem}), so the backup went to ${fallback}.` } : { folder: state.folder };
}

/**
 * Back up now: into a file the user chose (or a folder: the backup is named
 * inside it), else into the backups folder.
 */
export async function createBackup(ctx: CoreContext, to: string | undefined): Promise<BackupFile> {
  const now = nowOf(ctx);
  if (to === undefined) {
    const { folder, passedOver } = backupFolderNow(ctx);
    if (passedOver) remember(ctx, () => ({ lastFailure: { at: isoNow(ctx), message: passedOver, automatic: false } }));
    return recorded(ctx, freeBackupPath(folder, now, false), 'manual');
  }
  let target = resolve(to);
  if (isFolder(target)) target = freeBackupPath(target, now, false);
  const live = dataFolderOf(ctx).databaseFile;
  if (target === live || target.startsWith(`${live}-`) || target.startsWith(`${live}.`)) {
    throw new AppError('VALIDATION', 'A backup must go to another file than Ambassador’s own data file. Choose another name.', {
      fields: [{ path: 'to', message: 'Choose another file.' }],
    });
  }
  return recorded(ctx, target, 'manual');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The safety copy a restore makes first, beside the other backups. */
export async function makeSafetyBackup(ctx: CoreContext): Promise<BackupFile> {
  return recorded(ctx, freeBackupPath(backupFolderNow(ctx).folder, nowOf(ctx), true), 'before-restore');
}

/**
 * The automatic backup: into the backups folder, or into the default folder
 * when the chosen one cannot be reached (the failure is remembered and shown,
 * but a backup exists); then the folder is rotated.
 */
export async function makeAutomaticBackup(ctx: CoreContext): Promise<BackupFile> {
  let place: { folder: string; passedOver?: string };
  try {
    place = backupFolderNow(ctx);
  } catch (error) {
    remember(ctx, () => ({ lastFailure: { at: isoNow(ctx), message: (error as Error).message, automatic: true } }));
    ctx.notify?.({ name: 'backup.changed', payload: { reason: 'failed' } });
    throw error;
  }
  if (place.passedOver) remember(ctx, () => ({ lastFailure: { at: isoNow(ctx), message: place.passedOver!, automatic: true } }));
  const file = await recorded(ctx, freeBackupPath(place.folder, nowOf(ctx), false), 'automatic');
  rotate(ctx, place.folder);
  return file;
}

/** A copy killed halfway leaves `<name>.partial` (and SQLite's journal of it); an hour on, nothing is still writing it. */
function removeAbandonedCopies(folder: string): void {
  for (const name of readdirSync(folder)) {
    const match = /^(.*)\.partial(-journal)?$/.exec(name);
    if (!match || !isBackupName(match[1]!)) continue;
    const path = join(folder, name);
    if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
  }
}

function rotate(ctx: CoreContext, folder: string): void {
  try {
    removeAbandonedCopies(folder);
  } catch (error) {
    console.error(`Ambassador could not tidy the backups folder ${folder}:`, error);
  }
  const undo = readBackupState(dataFolderOf(ctx).dir).undo;
  const dated = listBackups(folder).flatMap(({ path, manifest: { createdAt, reason } }) => (reason === 'manual' ? [] : [{ path, createdAt, reason }]));
  for (const path of backupsToRemove(dated, new Set(undo ? [undo.safetyBackup] : []))) {
    try {
      // Only files named like ours with our manifest inside were listed.
      rmSync(path);
    } catch (error) {
      console.error(`Ambassador could not remove the old backup ${path}:`, error);
    }
  }
}
