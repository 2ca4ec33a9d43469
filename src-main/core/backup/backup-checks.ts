import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { BackupManifest, type BackupCounts } from '../../../shared/backup/backup.schemas.ts';
import { ambassadorApplicationId } from '../db/inspect-database.ts';
import { readBackupFile, type BackupFacts } from './backup-file.repository.ts';

/** Each way a chosen file can fail to be a backup, in the user's words. */
export const badBackupMessages = {
  missing: (file: string) => `There is no file at ${file}. Choose the backup file again.`,
  folder: (file: string) => `${file} is a folder. Choose a backup file (its name ends in .ambassador).`,
  empty: (file: string) => `${file} is empty, so it holds no backup. Choose another file.`,
  notDatabase: (file: string) => `${file} is not an Ambassador backup: it is not a database file at all. Choose another file.`,
  truncated: (file: string) => `${file} is cut short: part of it is missing (it may not have finished copying). Choose another backup.`,
  damaged: (file: string) => `${file} is damaged: SQLite's integrity check found broken pages in it, so it cannot be restored. Choose another backup.`,
  foreign: (file: string) => `${file} is another program's database, not an Ambassador backup. Choose another file.`,
  newer: () => 'This backup was made by a newer Ambassador. Update Ambassador first, then restore it.',
  unreadable: (file: string, reason: string) => `Ambassador could not read ${file} (${reason}). Choose another file.`,
};

const refuse = (message: string) => new AppError('VALIDATION', message, { fields: [{ path: 'file', message }] });

/** A backup file that passed every check, with what it holds. */
export type CheckedBackup = {
  sizeBytes: number;
  manifest: BackupManifest;
  /** Older than this Ambassador's schema: migrated after restoring. */
  needsUpdate: boolean;
  counts: BackupCounts;
};

type Header = { bytes: Buffer; read: number };

function readHeader(file: string): Header {
  const bytes = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    return { bytes, read: readSync(fd, bytes, 0, 100, 0) };
  } finally {
    closeSync(fd);
  }
}

/** The length SQLite's header promises, when the header vouches for it (its change counters agree). */
function promisedLength({ bytes }: Header): number | undefined {
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = bytes.readUInt32BE(28);
  const vouched = bytes.readUInt32BE(24) === bytes.readUInt32BE(92) && pages > 0;
  return vouched ? pageSize * pages : undefined;
}

const isSqlite = ({ bytes, read }: Header) => read >= 16 && bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

/** A file in write-ahead-log mode: even a read-only open would leave -wal and -shm files beside it, so read a copy. */
const inWalMode = ({ bytes }: Header) => bytes[18] === 2 || bytes[19] === 2;

function readFacts(file: string, header: Header): BackupFacts & { problems: string[] } {
  if (!inWalMode(header)) return readBackupFile(file, true);
  const folder = mkdtempSync(join(tmpdir(), 'ambassador-inspect-'));
  try {
    const copy = join(folder, basename(file));
    copyFileSync(file, copy);
    return readBackupFile(copy, true);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function explainReadFailure(error: unknown, file: string): AppError {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_NOTADB')) return refuse(badBackupMessages.notDatabase(file));
  if (code.startsWith('SQLITE_CORRUPT')) return refuse(badBackupMessages.damaged(file));
  return refuse(badBackupMessages.unreadable(file, error instanceof Error ? error.message.split('\n')[0]! : String(error)));
}

/**
 * Checks that `file` is a whole, undamaged Ambassador backup this version can
 * restore, reading it only (the chosen file is never changed), and refuses it
 * with the reason otherwise. A file from the older `ambassador backup FILE`
 * command has no manifest: its manifest is made up from what it holds.
 */
export function checkBackupFile(file: string, knownMigrations: readonly string[]): CheckedBackup {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw refuse(badBackupMessages.folder(file));
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(badBackupMessages.missing(file));
  }
  if (size === 0) throw refuse(badBackupMessages.empty(file));
  const header = readHeader(file);
  if (!isSqlite(header)) throw refuse(badBackupMessages.notDatabase(file));
  const promised = promisedLength(header);
  if (header.read < 100 || (promised !== undefined && size < promised)) throw refuse(badBackupMessages.truncated(file));

  let facts: BackupFacts & { problems: string[] };
  try {
    facts = readFacts(file, header);
  } catch (error) {
    throw explainReadFailure(error, file);
  }
  if (facts.problems.length > 0) throw refuse(badBackupMessages.damaged(file));
  const has = (table: string) => facts.tables.includes(table);
  const ours = facts.applicationId === ambassadorApplicationId || (facts.applicationId === 0 && has('contacts'));
  if (!ours || !has('kysely_migration') || facts.migrations.length === 0) throw refuse(badBackupMessages.foreign(file));
  if (facts.migrations.some((name) => !knownMigrations.includes(name))) throw refuse(badBackupMessages.newer());

  const schemaVersion = facts.migrations.at(-1)!;
  const stored = BackupManifest.safeParse(facts.manifest);
  const manifest: BackupManifest = stored.success
    ? { ...stored.data, schemaVersion, counts: facts.counts }
    : {
        // Made by an earlier Ambassador (`ambassador backup FILE`), before backups had a manifest.
        format: 'ambassador-backup',
        formatVersion: 0,
        appVersion: 'earlier',
        schemaVersion,
        createdAt: statSync(file).mtime.toISOString(),
        reason: 'manual',
        counts: facts.counts,
      };
  return { sizeBytes: size, manifest, needsUpdate: schemaVersion !== [...knownMigrations].sort().at(-1), counts: facts.counts };
}
