import Sqlite from 'better-sqlite3';
import { statSync } from 'node:fs';
import { DatabaseOpenError, explainOpenFailure, openMessages } from './open-errors.ts';

/** `PRAGMA application_id` of Ambassador's databases: "AMBA". */
export const ambassadorApplicationId = 0x414d4241;

// kysely's bookkeeping tables: a file holding only these was left by a first
// start that stopped before its first migration was committed.
const bookkeepingTables = ['kysely_migration', 'kysely_migration_lock'];

export type ExistingDatabase = { kind: 'new' } | { kind: 'ours'; applicationId: number };

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/**
 * Looks at the file through a read-only connection before anything writes to
 * it: an unreadable, locked, foreign or newer file is refused as it is. These
 * checks read a few pages; the integrity check, which reads every page, runs in
 * the background once the core serves calls (integrity-check.ts). Read-only
 * matters: a read-write open would set WAL mode, and its close would fold a WAL
 * into the file.
 */
export function inspectDatabase(file: string, knownMigrations: readonly string[]): ExistingDatabase {
  const size = sizeOf(file) ?? 0;
  if (size === 0) {
    // SQLite treats an empty or missing file as a new database (a first start
    // stopped early leaves one), and deletes a WAL found beside it: that WAL may
    // be all that is left of the user's data.
    if ((sizeOf(`${file}-wal`) ?? 0) > 0) throw new DatabaseOpenError(openMessages.cutShort(file));
    return { kind: 'new' };
  }
  let sqlite: Sqlite.Database | undefined;
  try {
    sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
    return checkContent(sqlite, file, knownMigrations);
  } catch (error) {
    throw explainOpenFailure(error, file, openMessages.notOpened);
  } finally {
    sqlite?.close();
  }
}

function checkContent(sqlite: Sqlite.Database, file: string, knownMigrations: readonly string[]): ExistingDatabase {
  const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
  const tables = (sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`).pluck().all() as string[]);
  const has = (name: string) => tables.includes(name);
  // Databases made before application_id was set are recognised by their tables.
  const ours =
    applicationId === ambassadorApplicationId ||
    (applicationId === 0 && (tables.every((name) => bookkeepingTables.includes(name)) || (has('kysely_migration') && has('contacts'))));
  if (!ours) throw new DatabaseOpenError(openMessages.foreign(file));

  if (has('kysely_migration')) {
    const applied = sqlite.prepare('select name from kysely_migration').pluck().all() as string[];
    if (applied.some((name) => !knownMigrations.includes(name))) throw new DatabaseOpenError(openMessages.newer(file));
  }

  return { kind: 'ours', applicationId };
}
