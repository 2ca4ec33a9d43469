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

/** What every service call gets: the database, the clock, and a way to tell open windows what changed. */
export type CoreContext = {
  db: Db;
  /** The system clock when left out. */
  clock?: Clock;
  /** Only the mutation wrapper (db/mutation.ts) publishes: after its write has committed. */
  publish: (event: CoreEvent) => void;
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
};
