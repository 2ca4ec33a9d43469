import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { OpenDatabase } from '../core/db/database.ts';

/** A backup that could not be made, with a sentence for the user. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Flushes a file (opened for writing: Windows needs that) or, on other systems, a folder. */
function syncToDisk(path: string, flags: 'r+' | 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the open database `sqlite` to `targetFile` through SQLite's backup API,
 * so the copy is one consistent snapshot even while Ambassador is running and
 * writing: SQLite reads the file together with its write-ahead log, which a
 * plain file copy would miss. The copy is written beside the target as
 * `.partial`, made one self-contained file, checked and flushed to disk before
 * it takes the target's name, so a failure never leaves a half-written backup
 * under that name. Takes an open connection so the app can back up its own.
 */
export async function backupDatabase(sqlite: OpenDatabase['sqlite'], targetFile: string, options: { force?: boolean } = {}): Promise<void> {
  const target = resolve(targetFile);
  const partial = `${target}.partial`;
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) {
    throw new BackupError(`The folder ${dirname(target)} does not exist. Create it first, or save the backup somewhere else.`);
  }
  if (existsSync(target) && !options.force) {
    throw new BackupError(`${target} already exists. Choose another name, or add --force to replace it.`);
  }
  if (resolve(sqlite.name) === target) throw new BackupError('The backup must go to another file than the database itself.');

  rmSync(partial, { force: true });
  try {
    // All remaining pages in one step: one consistent snapshot, never restarted by the app's writes.
    await sqlite.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup could not be written to ${partial}: ${(error as Error).message}.`);
  }

  let verdict: string;
  sqlite.prepare('ATTACH DATABASE ? AS backup_copy').run(partial);
  try {
    // No write-ahead log beside a backup: everything is in the one file.
    sqlite.pragma('backup_copy.journal_mode = DELETE');
    verdict = (sqlite.pragma('backup_copy.integrity_check', { simple: false }) as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join('; ');
  } finally {
    sqlite.exec('DETACH DATABASE backup_copy');
  }
  if (verdict !== 'ok') {
    rmSync(partial, { force: true });
    throw new BackupError(`The copy failed SQLite's integrity check (${verdict.slice(0, 200)}), so it was not kept. Your database is unchanged; try again.`);
  }
  syncToDisk(partial, 'r+');
  renameSync(partial, target);
  // The rename is durable once the folder is flushed too (Windows cannot open a folder for that).
  if (process.platform !== 'win32') syncToDisk(dirname(target), 'r');
}
