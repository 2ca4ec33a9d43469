import { z } from 'zod';

/** Events the core pushes to every window: one typed channel, whatever the transport. */
export const eventSchemas = {
  'contacts.changed': z.object({ ids: z.array(z.string()), reason: z.enum(['created', 'updated', 'deleted', 'restored', 'seeded']) }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export type CoreEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
