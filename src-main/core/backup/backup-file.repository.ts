import Sqlite from 'better-sqlite3';
import type { BackupCounts } from '../../../shared/backup/backup.schemas.ts';

// The SQL run on backup files themselves (never on the live database): the
// manifest inside each backup, and the facts a restore checks.

const manifestTable = 'ambassador_backup_manifest';

const countedTables: Record<keyof BackupCounts, string> = {
  contacts: 'contacts',
  interactions: 'interactions',
  followups: 'followups',
  purchases: 'purchases',
};

function tablesOf(sqlite: Sqlite.Database): string[] {
  return sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`).pluck().all() as string[];
}

/** What the user sees: records not in the Trash; a table this schema does not have yet counts 0. */
function countsIn(sqlite: Sqlite.Database, tables: string[]): BackupCounts {
  const count = (table: string) => {
    if (!tables.includes(table)) return 0;
    const columns = (sqlite.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((column) => column.name);
    const live = columns.includes('deleted_at') ? ' where deleted_at is null' : '';
    return sqlite.prepare(`select count(*) from "${table}"${live}`).pluck().get() as number;
  };
  return {
    contacts: count(countedTables.contacts),
    interactions: count(countedTables.interactions),
    followups: count(countedTables.followups),
    purchases: count(countedTables.purchases),
  };
}

function appliedMigrations(sqlite: Sqlite.Database, tables: string[]): string[] {
  if (!tables.includes('kysely_migration')) return [];
  return sqlite.prepare('select name from kysely_migration order by name').pluck().all() as string[];
}

function integrityProblems(sqlite: Sqlite.Database): string[] {
  const rows = sqlite.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
  return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
}

function readManifestRow(sqlite: Sqlite.Database, tables: string[]): unknown {
  if (!tables.includes(manifestTable)) return undefined;
  const text = sqlite.prepare(`select manifest from ${manifestTable} limit 1`).pluck().get() as string | undefined;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export type BackupFacts = {
  applicationId: number;
  tables: string[];
  /** Applied migrations, in order; the last is the schema version. */
  migrations: string[];
  counts: BackupCounts;
  /** The manifest as stored (unchecked), undefined when there is none. */
  manifest: unknown;
};

/** Writes the manifest into a fresh copy, makes it one self-contained file, checks it, and reads the manifest back. */
export function finishCopy(file: string, manifestFor: (facts: BackupFacts) => unknown): { manifest: unknown; problems: string[] } {
  const sqlite = new Sqlite(file, { fileMustExist: true });
  try {
    // No write-ahead log beside a backup: everything is in the one file.
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('synchronous = FULL');
    const facts = factsOf(sqlite);
    sqlite.exec(`drop table if exists ${manifestTable}; create table ${manifestTable} (manifest text not null)`);
    sqlite.prepare(`insert into ${manifestTable} (manifest) values (?)`).run(JSON.stringify(manifestFor(facts)));
    return { problems: integrityProblems(sqlite), manifest: readManifestRow(sqlite, tablesOf(sqlite)) };
  } finally {
    sqlite.close();
  }
}

function factsOf(sqlite: Sqlite.Database): BackupFacts {
  const tables = tablesOf(sqlite);
  return {
    applicationId: sqlite.pragma('application_id', { simple: true }) as number,
    tables,
    migrations: appliedMigrations(sqlite, tables),
    counts: countsIn(sqlite, tables),
    manifest: readManifestRow(sqlite, tables),
  };
}

/** Reads a backup file without changing it; `checkPages` runs SQLite's full integrity check first. */
export function readBackupFile(file: string, checkPages: boolean): BackupFacts & { problems: string[] } {
  const sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const problems = checkPages ? integrityProblems(sqlite) : [];
    return { ...factsOf(sqlite), problems };
  } finally {
    sqlite.close();
  }
}

/** Just the manifest, for listing a folder of backups quickly; undefined for a file that has none or is not a database. */
export function readManifest(file: string): unknown {
  let sqlite: Sqlite.Database | undefined;
  try {
    sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
    return readManifestRow(sqlite, tablesOf(sqlite));
  } catch {
    return undefined;
  } finally {
    sqlite?.close();
  }
}

/** Turns a checked copy of a backup into a database the app opens: no manifest, write-ahead logging like the live one. */
export function makeLiveDatabase(file: string): void {
  const sqlite = new Sqlite(file, { fileMustExist: true });
  try {
    sqlite.exec(`drop table if exists ${manifestTable}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
}
