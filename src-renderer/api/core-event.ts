import { eventSchemas, type CoreEvent } from '../../shared/api/events.ts';

/** Checks an event from outside the page; unknown or malformed events are dropped. */
export function toCoreEvent(name: string, payload: unknown): CoreEvent | null {
  if (!Object.hasOwn(eventSchemas, name)) return null;
  const parsed = eventSchemas[name as keyof typeof eventSchemas].safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as CoreEvent) : null;
}
