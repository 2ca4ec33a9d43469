import Sqlite from 'better-sqlite3';
import type { CoreEvent } from '../../../shared/api/events.ts';
import type { DispatchResult } from '../../../shared/api/result.ts';
import type { BackupFile, BackupStatus, RestorePreview, RestoreResult } from '../../../shared/backup/backup.schemas.ts';
import { createCore, type Core, type CoreOptions } from '../../../src-main/core/core.ts';
import { makeTempDataDir } from '../../helpers/temp-data-dir.ts';
import { at, handClock } from '../followups-core.ts';

export { at, handClock };

export const value = <T>(result: DispatchResult): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

export const failure = (result: DispatchResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
};

export type BackupCore = Awaited<ReturnType<typeof openBackupCore>>;

/**
 * A real core on a real data folder, on a hand-moved clock, listening to its
 * events (which starts its background jobs), with the backup calls typed.
 */
export async function openBackupCore(
  options: Omit<Partial<CoreOptions>, 'clock'> & { clock?: ReturnType<typeof handClock> } = {},
  data = makeTempDataDir('ambassador-backup-'),
) {
  const clock = options.clock ?? handClock(at('2026-12-02', '09:30'));
  const logged: unknown[] = [];
  const core: Core = await createCore({ checkOutputs: true, logError: (error) => logged.push(error), ...options, dataDir: data.dir, clock });
  const events: CoreEvent[] = [];
  core.onEvent((event) => events.push(event));
  const call = async <T>(method: string, input: unknown = {}) => value<T>(await core.dispatch(method, input));
  return {
    core,
    data,
    clock,
    events,
    logged,
    call,
    create: (to?: string) => call<BackupFile>('backup.create', to === undefined ? {} : { to }),
    status: () => call<BackupStatus>('backup.status'),
    inspect: (file: string) => call<RestorePreview>('backup.inspect', { file }),
    restore: (file: string) => call<RestoreResult>('backup.restore', { file }),
    undo: () => call<RestoreResult>('backup.undoRestore'),
    contact: (firstName: string) => call<{ id: string }>('contacts.create', { firstName }),
    names: async () => (await call<{ items: Array<{ displayName: string }> }>('contacts.list', { limit: 500 })).items.map((item) => item.displayName).sort(),
    close: () => core.close(),
    reopen: async (more: Omit<Partial<CoreOptions>, 'clock'> = {}) => {
      await core.close();
      return openBackupCore({ ...options, clock, ...more }, data);
    },
    remove: async () => {
      await core.close();
      data.remove();
    },
  };
}

/** Every row of every table of a database file, read-only, for comparing two files. */
export function tableRows(file: string, tables: string[]): Record<string, unknown[]> {
  const sqlite = new Sqlite(file, { readonly: true });
  try {
    return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`select * from "${table}" order by 1`).all()]));
  } finally {
    sqlite.close();
  }
}

/** SQLite's verdict on a file: "ok" when whole. */
export function integrityOf(file: string): string {
  const sqlite = new Sqlite(file, { readonly: true });
  try {
    return (sqlite.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; ');
  } finally {
    sqlite.close();
  }
}

/**
 * Makes the database in `dataDir` about `megabytes` large before a core opens
 * it, fast: rows in the settings table that no screen reads.
 */
export async function fillDatabase(dataDir: string, megabytes: number): Promise<void> {
  const { openDatabase, closeDatabase } = await import('../../../src-main/core/db/database.ts');
  const { migrateToLatest } = await import('../../../src-main/core/db/migrate.ts');
  const opened = openDatabase(dataDir);
  await migrateToLatest(opened.db);
  const insert = opened.sqlite.prepare('insert into settings (key, value) values (?, ?)');
  const filler = 'f'.repeat(4000);
  opened.sqlite.transaction(() => {
    for (let index = 0; index < megabytes * 250; index += 1) insert.run(`test.filler.${index}`, filler);
  })();
  await closeDatabase(opened);
}
