import type { CoreEvent } from '../../shared/api/events.ts';
import type { CoreHandle } from './core-handle.ts';
import { systemClock, type Clock, type CoreContext } from './context.ts';
import { closeDatabase, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { explainOpenFailure, openMessages } from './db/open-errors.ts';
import { dispatch, type DispatchOptions } from './dispatch.ts';
import { backgroundJobs, handlers } from './handlers.ts';
import { createListeners } from './listeners.ts';

export type CoreOptions = DispatchOptions & {
  /** The folder that holds `ambassador.sqlite`; created when missing. */
  dataDir: string;
  /** The time the core goes by; tests pass one they move by hand. */
  clock?: Clock;
};

export type Core = CoreHandle & {
  /** The database file, for messages and backups. */
  readonly databaseFile: string;
  /** Resolves once the background work started so far (reminder checks) is done: tests wait on it. */
  backgroundSettled(): Promise<void>;
};

/**
 * Opens (and migrates) the database in `dataDir` and returns the core in this
 * thread. Hosts run it in a worker (see worker.ts); tests call it directly.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const opened = openDatabase(options.dataDir);
  const { db, file } = opened;
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw explainOpenFailure(error, file, openMessages.notUpdated);
  }

  const listeners = createListeners<CoreEvent>();
  const ctx: CoreContext = { db, clock: options.clock ?? systemClock, publish: listeners.emit };
  let pending = new Set<Promise<unknown>>();
  let closed: Promise<void> | undefined;
  // Started by the first listener, so the start-up digest of missed reminders has someone to reach.
  let jobs: Array<ReturnType<(typeof backgroundJobs)[number]>> | undefined;

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
      const remove = listeners.add(listener);
      if (!closed) jobs ??= backgroundJobs.map((job) => job(ctx, listeners.add));
      return remove;
    },
    backgroundSettled: async () => {
      await Promise.all((jobs ?? []).map((job) => job.settled()));
    },
    close: () => {
      closed ??= (async () => {
        await Promise.allSettled((jobs ?? []).map((job) => job.stop()));
        await Promise.allSettled(pending);
        pending = new Set();
        listeners.clear();
        await closeDatabase(opened);
      })();
      return closed;
    },
  };
}
