import { accessSync, constants, mkdirSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { BackupManifest, type BackupFile } from '../../../shared/backup/backup.schemas.ts';
import { folderProblem } from '../db/open-errors.ts';
import { readManifest } from './backup-file.repository.ts';
import { isBackupName, newestFirst } from './backup-names.ts';

/** Where backups go unless the user picks another folder. */
export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups');

/**
 * Why Ambassador cannot write backups into `folder` (missing, not a folder, not
 * writable), or undefined when it can. Only the default folder is created when
 * missing: a chosen folder that vanished is a USB stick that was removed.
 */
export function unreachableBecause(folder: string, createIfMissing: boolean): string | undefined {
  try {
    if (createIfMissing) mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!statSync(folder).isDirectory()) return 'it is not a folder';
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return 'it is not there (is its disk connected?)';
    return folderProblem(error);
  }
}

/** Checks a folder the user chose, creating it when missing; refuses it with a sentence naming it. */
export function checkChosenFolder(folder: string): string {
  if (!isAbsolute(folder)) {
    throw new AppError('VALIDATION', `Choose a full folder path (like /home/you/Backups), not “${folder}”.`, {
      fields: [{ path: 'folder', message: 'Choose a full folder path.' }],
    });
  }
  const chosen = resolve(folder);
  const problem = unreachableBecause(chosen, true);
  if (problem) {
    throw new AppError('VALIDATION', `Ambassador cannot keep backups in ${chosen}: ${problem}. Choose another folder.`, {
      fields: [{ path: 'folder', message: `Ambassador cannot write there: ${problem}.` }],
    });
  }
  return chosen;
}

/** The finished backups in `folder` (ours by name and by manifest), newest first; nothing when the folder cannot be read. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter(isBackupName);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const fileName of names) {
    const path = join(folder, fileName);
    const manifest = BackupManifest.safeParse(readManifest(path));
    if (!manifest.success) continue;
    try {
      files.push({ fileName, path, sizeBytes: statSync(path).size, manifest: manifest.data });
    } catch {
      // Removed while we looked.
    }
  }
  return files.sort((a, b) => newestFirst({ path: a.path, createdAt: a.manifest.createdAt }, { path: b.path, createdAt: b.manifest.createdAt }));
}
