import type { BackgroundJob } from './context.ts';
import { contactsHandlers } from './contacts/contacts.handlers.ts';
import { followupReminders, followupsHandlers } from './followups/followups.handlers.ts';
import { historyHandlers } from './history/history.handlers.ts';
import { settingsHandlers } from './settings/settings.handlers.ts';
import { mergeHandlers } from './handler.ts';

/** The core's side of the contract: every domain's handlers, one line each. */
export const handlers = mergeHandlers({
  ...contactsHandlers,
  ...followupsHandlers,
  ...historyHandlers,
  ...settingsHandlers,
});

/** Work a domain runs beside its calls, one line each. */
export const backgroundJobs: BackgroundJob[] = [followupReminders];
