import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { writeFileDurably } from '../db/durable-files.ts';
import { diskFullMessage } from '../db/storage-failure.ts';

function cannotWrite(path: string, error: unknown): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return new AppError('STORAGE', diskFullMessage, { reason: 'disk-full' });
  const why =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'Ambassador is not allowed to write there. Choose another folder'
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? 'that folder does not exist. Choose another one'
        : error instanceof Error
          ? error.message
          : String(error);
  return new AppError('VALIDATION', `Ambassador cannot write ${path}: ${why}.`, { fields: [{ path: 'to', message: why }] });
}

/**
 * Writes `<path>.partial`, flushes it to the disk, then renames it: a file under
 * the export's name is always a whole export, whatever happens meanwhile.
 * The exports folder is made when missing; a folder the user chose must exist.
 */
export function writeFileWhole(path: string, text: string, options: { makeFolder: boolean }): number {
  try {
    if (options.makeFolder) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileDurably(path, text, '.partial');
    return statSync(path).size;
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
