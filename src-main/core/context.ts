import type { CoreEvent } from '../../shared/api/events.ts';
import type { Db } from './db/handle.ts';

/**
 * Where the core reads the time: the system clock in the app, a hand-moved one
 * in tests. `onChange` tells the reminder scheduler the time jumped.
 */
export type Clock = {
  now(): number;
  onChange?: (listener: () => void) => () => void;
};

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The data folder as a whole, for work on the database file itself (backups and
 * restores). The core provides it; contexts built by hand in tests may not.
 */
export type DataFolder = {
  /** The folder that holds the database (and the backup settings). */
  dir: string;
  databaseFile: string;
  /**
   * Copies the live database into `file` through SQLite's backup API, a step at
   * a time: calls and writes go on between steps and the copy still ends as one
   * consistent snapshot (writes on the same connection are carried into it).
   */
  copyDatabase(file: string, onProgress: (done: number, total: number) => void): Promise<void>;
  /**
   * Replaces the live database. `prepare` writes the new database into the temp
   * file it is given (beside the live one, while the app keeps working). Then
   * the core pauses: new calls wait, running ones finish, background jobs stop;
   * `beforeSwap` runs on the data as it is now (the safety copy; a failure there
   * changes nothing); the file takes the database's place, is opened and
   * migrated, and the core resumes on it with `ctx.db` pointing at it. If that
   * fails the previous data is put back and the error is thrown.
   */
  replaceDatabase(steps: { prepare: (tempFile: string) => Promise<void>; beforeSwap: () => Promise<void> }): Promise<void>;
};

/** What every service call gets: the database, the clock, and a way to tell open windows what changed. */
export type CoreContext = {
  /** The open database; a restore replaces it, so read it from the context each time. */
  db: Db;
  /** The system clock when left out. */
  clock?: Clock;
  /** Only the mutation wrapper (db/mutation.ts) publishes: after its write has committed. */
  publish: (event: CoreEvent) => void;
  /** Events no database write carries (a backup's progress, the data replaced by a restore). */
  notify?: (event: CoreEvent) => void;
  dataFolder?: DataFolder;
};

/** The core's time now, in milliseconds. */
export function nowOf(ctx: CoreContext): number {
  return (ctx.clock ?? systemClock).now();
}

/** Work the core runs beside its calls (the reminder scheduler), from the first listener until close. */
export type BackgroundJob = (
  ctx: CoreContext,
  events: (listener: (event: CoreEvent) => void) => () => void,
) => {
  /** Resolves once the work it has started so far is done (tests wait on it). */
  settled: () => Promise<void>;
  stop: () => Promise<void>;
  /** Last work before the core closes (the backup at quit); not run when the core only pauses for a restore. */
  closing?: () => Promise<void>;
};
