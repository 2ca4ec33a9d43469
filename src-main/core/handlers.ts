import { contactsHandlers } from './contacts/contacts.handlers.ts';
import { historyHandlers } from './history/history.handlers.ts';
import { settingsHandlers } from './settings/settings.handlers.ts';
import { mergeHandlers } from './handler.ts';

/** The core's side of the contract: every domain's handlers, one line each. */
export const handlers = mergeHandlers({
  ...contactsHandlers,
  ...historyHandlers,
  ...settingsHandlers,
});
