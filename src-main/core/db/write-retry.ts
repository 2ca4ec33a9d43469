/**
 * How long SQLite itself may block the core's one thread waiting for a lock.
 * Kept short: better-sqlite3 is synchronous, so every millisecond here is a
 * millisecond no other call (a read, a search) can run. Longer waits for a
 * write happen in `retryWhileBusy`, between turns, with the thread free.
 */
export const busyTimeoutMs = 50;

/** How long a write keeps trying for the write lock before the user is told. */
export const writeWaitMs = 10_000;

const firstPauseMs = 10;
const longestPauseMs = 250;

/** SQLite's "database is locked" (SQLITE_BUSY and its extended codes). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

export type RetryOptions = {
  /** Total time to keep trying before the last "busy" error is thrown. */
  limitMs: number;
  /** Waits between attempts; the caller lets other work run meanwhile. */
  pause: (ms: number) => Promise<void>;
};

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, pausing with
 * back-off between tries; after `limitMs` the last busy error is thrown.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const deadline = performance.now() + options.limitMs;
  for (let pauseMs = firstPauseMs; ; pauseMs = Math.min(pauseMs * 2, longestPauseMs)) {
    try {
      return await attempt();
    } catch (error) {
      const left = deadline - performance.now();
      if (!isBusy(error) || left <= 0) throw error;
      await options.pause(Math.min(pauseMs, left));
    }
  }
}
