import type { z } from 'zod';
import { commerceEvents } from '../commerce/commerce.events.ts';
import { insightsEvents } from '../insights/insights.events.ts';
import { backupEvents } from '../backup/backup.events.ts';
import { contactsEvents } from '../contacts/contacts.events.ts';
import { duplicatesEvents } from '../duplicates/duplicates.events.ts';
import { followupsEvents } from '../followups/followups.events.ts';
import { historyEvents } from '../history/history.events.ts';
import { plansEvents } from '../plans/plans.events.ts';
import { settingsEvents } from '../settings/settings.events.ts';
import { transferEvents } from '../transfer/transfer.events.ts';
import type { EventSlice } from './slices.ts';

/** Events the core pushes to every window, the domains' merged: one typed channel, whatever the transport. */
export const eventSchemas = {
  ...backupEvents,
  ...commerceEvents,
  ...insightsEvents,
  ...contactsEvents,
  ...duplicatesEvents,
  ...followupsEvents,
  ...historyEvents,
  ...plansEvents,
  ...settingsEvents,
  ...transferEvents,
} as const satisfies EventSlice;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export type CoreEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
