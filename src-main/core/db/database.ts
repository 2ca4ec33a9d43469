import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './schema.ts';
import { WriteFirstSqliteDialect } from './write-first-dialect.ts';

export const databaseFileName = 'ambassador.sqlite';

export type OpenDatabase = {
  db: Kysely<Database>;
  sqlite: Sqlite.Database;
  file: string;
};

/** The database file could not be opened or failed its integrity check. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens `<dataDir>/ambassador.sqlite` with the pragmas the data rules ask for and
 * checks it before anything reads it, so a damaged file is reported rather than
 * half-read.
 */
export function openDatabase(dataDir: string): OpenDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, databaseFileName);
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new DatabaseOpenError(
      `Ambassador could not open its database at ${file}: ${(error as Error).message}. ` +
        'Check that the folder is writable, or restore a backup.',
      { cause: error },
    );
  }
  const problems = sqlite.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
  if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') {
    sqlite.close();
    throw new DatabaseOpenError(
      `The database at ${file} is damaged (SQLite's quick_check reported: ` +
        `${problems.map((row) => row.quick_check).slice(0, 3).join('; ')}). ` +
        'Ambassador did not change it. Keep a copy of the file, then restore your latest backup.',
    );
  }
  const db = new Kysely<Database>({ dialect: new WriteFirstSqliteDialect({ database: sqlite }) });
  return { db, sqlite, file };
}
