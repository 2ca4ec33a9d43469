import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../../migrations/index.ts';
import { makeDataFolder } from '../data-folder.ts';
import { ambassadorApplicationId, inspectDatabase } from './inspect-database.ts';
import { explainOpenFailure, openMessages } from './open-errors.ts';
import type { Database } from './schema.ts';
import { WriteFirstSqliteDialect } from './write-first-dialect.ts';
import { busyTimeoutMs } from './write-retry.ts';

export { DatabaseOpenError } from './open-errors.ts';

export const databaseFileName = 'ambassador.sqlite';

export type OpenDatabase = {
  db: Kysely<Database>;
  sqlite: Sqlite.Database;
  file: string;
};

/**
 * Contacts are private on a shared computer: the database is readable by its
 * owner alone. SQLite gives its -wal and -shm files the database's mode; ones
 * left by an older version are tightened too.
 */
function keepPrivate(file: string): void {
  if (process.platform === 'win32') return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch {
    // It exists already (another Ambassador may have just created it).
  }
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      const mode = statSync(path).mode & 0o777;
      if (mode & 0o077) chmodSync(path, mode & 0o700);
    } catch {
      // Missing, or owned by someone else: nothing to tighten.
    }
  }
}

/**
 * Opens `<dataDir>/ambassador.sqlite` with the pragmas the data rules ask for,
 * after checking it read-only (see inspect-database.ts), so a file Ambassador
 * cannot use is reported and left exactly as it was.
 */
export function openDatabase(dataDir: string): OpenDatabase {
  makeDataFolder(dataDir);
  const file = join(dataDir, databaseFileName);
  const existing = inspectDatabase(file, Object.keys(migrations));
  keepPrivate(file);
  let sqlite: Sqlite.Database | undefined;
  try {
    sqlite = new Sqlite(file);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // 32 MB of page cache instead of SQLite's 2 MB: at 100,000 contacts the list
    // indexes stay in memory between calls. 64 MB (about 30% faster search in
    // issue 12's profile) cost 30 MB more RSS than 32 MB, over the 200 MB goal.
    sqlite.pragma('cache_size = -32768');
    if (existing.kind === 'new' || existing.applicationId === 0) sqlite.pragma(`application_id = ${ambassadorApplicationId}`);
    // Opening may wait for another program's brief lock; once the core serves
    // calls, a wait must not hold its one thread (see write-retry.ts).
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  } catch (error) {
    sqlite?.close();
    throw explainOpenFailure(error, file, openMessages.notOpened);
  }
  const db = new Kysely<Database>({ dialect: new WriteFirstSqliteDialect({ database: sqlite }) });
  return { db, sqlite, file };
}

/** Folds the WAL back into the main file, so a closed database is one file, and closes it. */
export async function closeDatabase({ db, sqlite }: OpenDatabase): Promise<void> {
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await db.destroy();
  }
}
