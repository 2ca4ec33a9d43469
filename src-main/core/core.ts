import { join } from 'node:path';
import type { CoreEvent } from '../../shared/api/events.ts';
import { createCallGate } from './call-gate.ts';
import type { CoreHandle } from './core-handle.ts';
import { systemClock, type BackgroundJob, type Clock, type CoreContext, type DataFolder } from './context.ts';
import { makeDataFolder } from './data-folder.ts';
import { closeDatabase, databaseFileName, openDatabase, type OpenDatabase } from './db/database.ts';
import { startIntegrityCheck, type IntegrityCheck } from './db/integrity-check.ts';
import { migrateToLatest } from './db/migrate.ts';
import { explainOpenFailure, openMessages } from './db/open-errors.ts';
import { finishInterruptedRestore, forgetPreviousDatabase, putPreviousBack, putReplacementInPlace, restoringFileOf } from './db/replace-database.ts';
import { dispatch, type DispatchOptions } from './dispatch.ts';
import { backgroundJobsFor, handlers } from './handlers.ts';
import { createListeners } from './listeners.ts';

export type CoreOptions = DispatchOptions & {
  /** The folder that holds `ambassador.sqlite`; created when missing. */
  dataDir: string;
  /** The time the core goes by; tests pass one they move by hand. */
  clock?: Clock;
  /**
   * Daily backups while the core runs and one when it closes after a change
   * (the desktop app and `ambassador serve` turn this on); off by default, so
   * tests and one-off commands write no backups.
   */
  automaticBackups?: boolean;
  /**
   * The Insights figures recompute a moment after purchases, history or scores
   * change (on by default); tests that write the derived figures by hand turn it off.
   */
  recomputeInsights?: boolean;
};

export type Core = CoreHandle & {
  /** The database file, for messages and backups. */
  readonly databaseFile: string;
  /** Resolves once the background work started so far (reminder checks) is done: tests wait on it. */
  backgroundSettled(): Promise<void>;
  /** Resolves once the background integrity check of the data file has finished (or was stopped). */
  integrityChecked(): Promise<void>;
};

/** How long after start-up the integrity check of the data file begins. */
const integrityCheckDelayMs = 2000;

async function openAndMigrate(dataDir: string): Promise<OpenDatabase> {
  const opened = openDatabase(dataDir);
  try {
    await migrateToLatest(opened.db);
  } catch (error) {
    await opened.db.destroy();
    throw explainOpenFailure(error, opened.file, openMessages.notUpdated);
  }
  return opened;
}

/**
 * Opens (and migrates) the database in `dataDir` and returns the core in this
 * thread. Hosts run it in a worker (see worker.ts); tests call it directly.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  makeDataFolder(options.dataDir);
  const file = join(options.dataDir, databaseFileName);
  finishInterruptedRestore(file);
  let opened = await openAndMigrate(options.dataDir);

  const listeners = createListeners<CoreEvent>();
  const gate = createCallGate();
  // Damage found by the background check: told to every listener, those that come later too.
  let damage: CoreEvent | undefined;
  const checkInBackground = (): IntegrityCheck => {
    const started = startIntegrityCheck(file);
    void started.done.then((problems) => {
      if (problems.length === 0 || check !== started) return;
      console.error(`Ambassador found damage in ${file}:`, problems.slice(0, 20).join('\n'));
      damage = { name: 'database.checkFailed', payload: { message: openMessages.damagedWhileOpen(file) } };
      listeners.emit(damage);
    });
    return started;
  };
  // A moment after start-up, so the first answers do not share the disk with it,
  // and a one-off command that is done by then never starts it.
  let check: IntegrityCheck | undefined;
  const checkLater = setTimeout(() => (check ??= checkInBackground()), integrityCheckDelayMs);
  checkLater.unref();
  const stopCheck = async () => {
    clearTimeout(checkLater);
    await check?.stop();
  };
  const jobKinds = backgroundJobsFor(options);
  let pending = new Set<Promise<unknown>>();
  let closed: Promise<void> | undefined;
  // Started by the first listener, so the start-up digest of missed reminders has someone to reach.
  let jobs: Array<ReturnType<BackgroundJob>> | undefined;
  const startJobs = () => jobKinds.map((job) => job(ctx, listeners.add));

  const replaceDatabase: DataFolder['replaceDatabase'] = async ({ prepare, beforeSwap }) => {
    const temp = restoringFileOf(file);
    try {
      await prepare(temp);
    } catch (error) {
      finishInterruptedRestore(file);
      throw error;
    }
    await gate.paused(async () => {
      const wereRunning = jobs;
      await Promise.allSettled((jobs ?? []).map((job) => job.stop()));
      await stopCheck();
      try {
        await beforeSwap();
        opened = await swapIn(opened);
      } finally {
        finishInterruptedRestore(file);
        ctx.db = opened.db;
        damage = undefined;
        check = checkInBackground();
        if (wereRunning) jobs = startJobs();
      }
    });
  };

  /** With the core paused: the prepared file takes the database's place; on any failure the old data is open again. */
  const swapIn = async (current: OpenDatabase): Promise<OpenDatabase> => {
    try {
      await closeDatabase(current);
      putReplacementInPlace(file);
    } catch (error) {
      finishInterruptedRestore(file);
      opened = await openAndMigrate(options.dataDir);
      throw error;
    }
    try {
      const next = await openAndMigrate(options.dataDir);
      try {
        forgetPreviousDatabase(file);
      } catch (error) {
        console.error('Ambassador could not remove the data file a restore replaced:', error);
      }
      return next;
    } catch (error) {
      putPreviousBack(file);
      opened = await openAndMigrate(options.dataDir);
      throw error;
    }
  };

  const ctx: CoreContext = {
    db: opened.db,
    clock: options.clock ?? systemClock,
    publish: listeners.emit,
    notify: listeners.emit,
    dataFolder: {
      dir: options.dataDir,
      databaseFile: file,
      copyDatabase: async (to, onProgress) => {
        // A few MB a step: long enough to be quick, short enough that calls go on between steps.
        await opened.sqlite.backup(to, {
          progress: ({ totalPages, remainingPages }) => {
            onProgress(totalPages - remainingPages, totalPages);
            return 2048;
          },
        });
      },
      replaceDatabase,
    },
  };

  return {
    databaseFile: file,
    dispatch: async (method, input) => {
      if (closed) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Ambassador is closing; the action was not run.' } };
      }
      const call = gate.call(() => dispatch(handlers, ctx, method, input, options));
      pending.add(call);
      try {
        return await call;
      } finally {
        pending.delete(call);
      }
    },
    onEvent: (listener) => {
      const remove = listeners.add(listener);
      if (damage) listener(damage);
      if (!closed) jobs ??= startJobs();
      return remove;
    },
    backgroundSettled: async () => {
      await Promise.all((jobs ?? []).map((job) => job.settled()));
    },
    integrityChecked: async () => {
      clearTimeout(checkLater);
      await (check ??= checkInBackground()).done;
    },
    close: () => {
      closed ??= (async () => {
        await Promise.allSettled(pending);
        await Promise.allSettled((jobs ?? []).map((job) => job.closing?.()));
        await Promise.allSettled((jobs ?? []).map((job) => job.stop()));
        await stopCheck();
        await Promise.allSettled(pending);
        pending = new Set();
        listeners.clear();
        await closeDatabase(opened);
      })();
      return closed;
    },
  };
}
