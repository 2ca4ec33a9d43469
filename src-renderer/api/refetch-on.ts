import type { EventName } from '../../shared/api/events.ts';
import { api } from './api.ts';

/**
 * Whatever was published while the connection was down was missed, and a restore
 * replaced the whole database: both reload every view.
 */
const reloadsEverything = new Set<string>(['connection.resumed', 'backup.restored']);

/** A burst of events (a seed, several windows saving) becomes one refetch. */
const coalesceMs = 50;

/**
 * Calls `refetch` when the core publishes one of `events`, and when the connection
 * comes back (whatever was published meanwhile was missed). This is how a store that
 * holds core data stays current; writes do not refresh by hand, their own event does.
 */
export function refetchOn(events: readonly EventName[], refetch: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = api.onEvent((event) => {
    if (!reloadsEverything.has(event.name) && !(events as readonly string[]).includes(event.name)) return;
    clearTimeout(timer);
    timer = setTimeout(refetch, coalesceMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
