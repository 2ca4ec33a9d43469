import { readFileSync, statSync } from 'node:fs';
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

/**
 * The file the last preview read, kept for the import that usually follows it:
 * reading a 100,000-row file again took as long as writing it. Used once, and
 * only while the file is unchanged (same size and modification time) and read
 * the same way.
 */
let previewed: { key: string; file: ContactFile } | undefined;

/** How the user asked to read the file: what they left out is the reader's to detect. */
function how(options: ReadOptions) {
  const { format, encoding, delimiter, hasHeader, mapping } = options;
  return Object.fromEntries(Object.entries({ format, encoding, delimiter, hasHeader, mapping }).filter(([, value]) => value !== undefined));
}

function read(options: ReadOptions): { key: string; file: ContactFile } {
  let bytes: Uint8Array;
  let key: string;
  try {
    const { size, mtimeMs } = statSync(options.file);
    key = JSON.stringify([how(options), options.file, size, mtimeMs]);
    if (previewed?.key === key) return previewed;
    bytes = readFileSync(options.file);
  } catch (error) {
    throw unreadable(options.file, whyUnreadable(error));
  }
  try {
    return { key, file: readContactFile(bytes, { fileName: basename(options.file), ...how(options) }) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(options.file, whyUnreadable(error));
  }
}

/** For a preview: the file's records as the reader finds them, kept for the import. A file that cannot be read is the user's to fix, so VALIDATION. */
export function readForPreview(options: ReadOptions): ContactFile {
  previewed = read(options);
  return previewed.file;
}

/** For an import: the records the preview read, when nothing changed since; else read afresh. */
export function readForImport(options: ReadOptions): ContactFile {
  const { file } = read(options);
  previewed = undefined;
  return file;
}
