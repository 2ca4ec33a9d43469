import { basename, dirname } from 'node:path';

/**
 * Ambassador could not open its data. The message is the one sentence the user
 * sees (the CLI and the desktop app print it as it is); SQLite's own words stay
 * in `cause`, for a developer.
 */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/** What the user is told, one case each; every case leaves the file as it was. */
export const openMessages = {
  locked: (file: string) => `Another program is using ${file}: close it, then start Ambassador again.`,
  damaged: (file: string) =>
    `${file} is damaged, so Ambassador did not open it and left it as it was. ` +
    `Move it, with any ${basename(file)}-wal beside it, to a safe place; then put a backup in its place, ` +
    'or start Ambassador again to begin with an empty database.',
  cutShort: (file: string) =>
    `${file} is empty or missing, but the ${basename(file)}-wal beside it holds data, so Ambassador left both as they were. ` +
    'Move both to a safe place; then put a backup in their place, or start Ambassador again to begin with an empty database.',
  newer: (file: string) => `${file} was made by a newer version of Ambassador: update Ambassador to open it. The file was left as it was.`,
  foreign: (file: string) =>
    `${file} is another program's database, not Ambassador's, so Ambassador left it as it was. ` +
    'Move it elsewhere, or choose another data folder with --data-dir.',
  folderNotCreated: (dir: string, reason: string) =>
    `Ambassador cannot create its data folder ${dir} (${reason}): choose a folder you can write to with --data-dir.`,
  folderNotWritable: (dir: string) =>
    `Ambassador cannot write in its data folder ${dir}: check the folder's permissions, or choose another folder with --data-dir.`,
  diskFull: (file: string) => `The disk that holds ${file} is full: free some space, then start Ambassador again.`,
  notUpdated: (file: string, reason: string) =>
    `Ambassador could not update ${file} for this version (${reason}); the file was left as it was.`,
  notOpened: (file: string, reason: string) => `Ambassador could not open ${file} (${reason}).`,
  damagedWhileOpen: (file: string) =>
    `Ambassador found damage in its data file ${file}. What you add now may be lost: ` +
    'go to Backup & data and restore your latest backup, then check your most recent changes.',
};

/** The words for a file-system error code, for the data folder message. */
export function folderProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return firstLine(error);
}

/** SQLite's message, cut to its first line so no dump reaches the user. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/**
 * Turns a SQLite failure while opening or updating the file into the sentence for
 * its cause; `fallback` words anything else.
 */
export function explainOpenFailure(error: unknown, file: string, fallback: (file: string, reason: string) => string): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const say = (message: string) => new DatabaseOpenError(message, { cause: error });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return say(openMessages.locked(file));
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return say(openMessages.damaged(file));
  if (code.startsWith('SQLITE_FULL')) return say(openMessages.diskFull(file));
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return say(openMessages.folderNotWritable(dirname(file)));
  }
  return say(fallback(file, firstLine(error)));
}
