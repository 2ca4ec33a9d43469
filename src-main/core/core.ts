import type { CoreEvent, EventName, EventPayload } from '../../shared/api/events.ts';
import type { CoreHandle } from './core-handle.ts';
import type { CoreContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { explainOpenFailure, openMessages } from './db/open-errors.ts';
import { dispatch, type DispatchOptions } from './dispatch.ts';
import { handlers } from './handlers.ts';

export type CoreOptions = DispatchOptions & {
  /** The folder that holds `ambassador.sqlite`; created when missing. */
  dataDir: string;
};

export type Core = CoreHandle & {
  /** The database file, for messages and backups. */
  readonly databaseFile: string;
};

/**
 * Opens (and migrates) the database in `dataDir` and returns the core in this
 * thread. Hosts run it in a worker (see worker.ts); tests call it directly.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { db, sqlite, file } = openDatabase(options.dataDir);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw explainOpenFailure(error, file, openMessages.notUpdated);
  }

  const listeners = new Set<(event: CoreEvent) => void>();
  const ctx: CoreContext = {
    db,
    publish: <E extends EventName>(name: E, payload: EventPayload<E>) => {
      const event = { name, payload } as CoreEvent;
      for (const listener of listeners) listener(event);
    },
  };
  let pending = new Set<Promise<unknown>>();
  let closed: Promise<void> | undefined;

  return {
    databaseFile: file,
    dispatch: async (method, input) => {
      if (closed) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Ambassador is closing; the action was not run.' } };
      }
      const call = dispatch(handlers, ctx, method, input, options);
      pending.add(call);
      try {
        return await call;
      } finally {
        pending.delete(call);
      }
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      closed ??= (async () => {
        await Promise.allSettled(pending);
        pending = new Set();
        listeners.clear();
        try {
          // Fold the WAL back into the main file so a closed database is one file.
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          await db.destroy();
        }
      })();
      return closed;
    },
  };
}
