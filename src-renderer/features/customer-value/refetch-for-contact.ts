import type { EventName } from '../../../shared/api/events.ts';
import { api } from '../../api/api.ts';
import { refetchOn } from '../../api/refetch-on.ts';

const coalesceMs = 50;

const touchedBy = (payload: unknown): readonly string[] | null =>
  typeof payload === 'object' && payload !== null && 'contactIds' in payload && Array.isArray(payload.contactIds) ? (payload.contactIds as string[]) : null;

/**
 * Like refetchOn, for a view of one contact: an event that names the contacts it
 * touched (purchases.changed, history.changed, loyalty.changed) reloads only the
 * view of one of them, so a big import elsewhere does not reload this page; events
 * without contacts (insights.changed, settings.changed) always reload.
 */
export function refetchForContact(events: readonly EventName[], contactIdOf: () => string | null, refetch: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = api.onEvent((event) => {
    if (!(events as readonly string[]).includes(event.name)) return;
    const touched = touchedBy('payload' in event ? event.payload : null);
    const shown = contactIdOf();
    if (touched !== null && (shown === null || !touched.includes(shown))) return;
    clearTimeout(timer);
    timer = setTimeout(refetch, coalesceMs);
  });
  // A resumed connection or a restored backup reloads every view.
  const stopReloads = refetchOn([], refetch);
  return () => {
    clearTimeout(timer);
    stop();
    stopReloads();
  };
}
