import type { BackgroundJob } from './context.ts';
import { automaticBackups, backupHandlers } from './backup/backup.handlers.ts';
import { commerceHandlers } from './commerce/commerce.handlers.ts';
import { contactsHandlers } from './contacts/contacts.handlers.ts';
import { duplicatesHandlers } from './duplicates/duplicates.handlers.ts';
import { followupReminders, followupsHandlers } from './followups/followups.handlers.ts';
import { historyHandlers } from './history/history.handlers.ts';
import { insightsHandlers, insightsRecompute } from './insights/insights.handlers.ts';
import { plansHandlers } from './plans/plans.handlers.ts';
import { settingsHandlers } from './settings/settings.handlers.ts';
import { transferHandlers } from './transfer/transfer.handlers.ts';
import { mergeHandlers } from './handler.ts';

/** The core's side of the contract: every domain's handlers, one line each. */
export const handlers = mergeHandlers({
  ...backupHandlers,
  ...commerceHandlers,
  ...contactsHandlers,
  ...duplicatesHandlers,
  ...followupsHandlers,
  ...historyHandlers,
  ...insightsHandlers,
  ...plansHandlers,
  ...settingsHandlers,
  ...transferHandlers,
});

/** Work the domains run beside their calls; automatic backups only where the host asks for them. */
export function backgroundJobsFor(options: { automaticBackups?: boolean; recomputeInsights?: boolean }): BackgroundJob[] {
  return [followupReminders, ...(options.recomputeInsights === false ? [] : [insightsRecompute]), ...(options.automaticBackups ? [automaticBackups] : [])];
}
