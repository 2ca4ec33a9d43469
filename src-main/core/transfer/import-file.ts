import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import type { ReadOptions } from '../../../shared/transfer/transfer.schemas.ts';
import { readContactFile, type ContactFile } from './contact-file.ts';

function whyUnreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'there is no such file. Check the name and the folder, then try again';
  if (code === 'EACCES' || code === 'EPERM') return 'Ambassador is not allowed to open it. Check its permissions, or copy it somewhere you own';
  if (code === 'EISDIR') return 'that is a folder. Choose a file inside it';
  return error instanceof Error ? error.message : String(error);
}

const unreadable = (file: string, why: string) =>
  new AppError('VALIDATION', `Ambassador cannot read ${file}: ${why}.`, { fields: [{ path: 'file', message: why }] });

/** The file's records as the reader finds them; a file that cannot be read is the user's to fix, so VALIDATION. */
export function readImportFile(options: ReadOptions): ContactFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(options.file);
  } catch (error) {
    throw unreadable(options.file, whyUnreadable(error));
  }
  const { file, ...how } = options;
  const defined = Object.fromEntries(Object.entries(how).filter(([, value]) => value !== undefined));
  try {
    return readContactFile(bytes, { fileName: basename(file), ...defined });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(file, whyUnreadable(error));
  }
}
