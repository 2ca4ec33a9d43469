import { AppError } from '../../../shared/api/errors.ts';
import { isBusy } from './write-retry.ts';

export const diskFullMessage = 'Your disk is full: free some space, then try again. Nothing was changed.';

export const readOnlyMessage =
  'Ambassador cannot save: its data file is read-only or its folder is no longer there. ' +
  'Make the data folder writable (or reconnect its disk), then try again. Nothing was changed.';

export const diskErrorMessage =
  'Ambassador could not save: the disk reported an error while writing its data file. ' +
  'Check that the disk is connected and writable, then try again.';

export const busyMessage = 'Another program is using Ambassador’s data file; close it and try again. Nothing was changed.';

/** I/O errors while reading: not a failure to save, so they stay unexplained (and logged). */
const readErrors = new Set(['SQLITE_IOERR_READ', 'SQLITE_IOERR_SHORT_READ']);

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * Turns SQLite's storage failures (a full disk, a read-only or vanished file, a
 * disk error while writing, another program's lock) into what the user should
 * do about them; anything else stays unexplained (undefined).
 */
export function storageFailure(error: unknown): AppError | undefined {
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  if (code === 'SQLITE_FULL') return new AppError('STORAGE', diskFullMessage, { reason: 'disk-full' });
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('STORAGE', readOnlyMessage, { reason: 'read-only' });
  }
  if (code.startsWith('SQLITE_IOERR') && !readErrors.has(code)) {
    return new AppError('STORAGE', diskErrorMessage, { reason: 'disk-error' });
  }
  if (isBusy(error)) return new AppError('BUSY', busyMessage);
  return undefined;
}
