import type { followupsContract } from '../../../shared/followups/followups.contract.ts';
import type { HandlersFor } from '../handler.ts';
import { exportCalendar } from './followups.calendar.ts';
import { noteCards } from './followups.cards.ts';
import * as followups from './followups.service.ts';
import { dueCounts, todayView } from './followups.today.ts';

export { followupReminders } from './followups.reminders.ts';

/** The core's side of the follow-ups slice of the contract. */
export const followupsHandlers = {
  'followups.create': (ctx, input) => followups.createFollowup(ctx, input),
  'followups.update': (ctx, input) => followups.updateFollowup(ctx, input),
  'followups.get': (ctx, input) => followups.getFollowup(ctx, input.id),
  'followups.list': (ctx, input) => followups.listFollowups(ctx, input),
  'followups.complete': (ctx, input) => followups.completeFollowup(ctx, input),
  'followups.skip': (ctx, input) => followups.skipFollowup(ctx, input.id),
  'followups.snooze': (ctx, input) => followups.snoozeFollowup(ctx, input),
  'followups.delete': (ctx, input) => followups.deleteFollowup(ctx, input.id),
  'followups.restore': (ctx, input) => followups.restoreFollowup(ctx, input.id),
  'followups.today': (ctx, input) => todayView(ctx, input),
  'followups.dueCounts': (ctx) => dueCounts(ctx),
  'followups.cards': (ctx, input) => noteCards(ctx, input),
  'followups.exportCalendar': (ctx, input) => exportCalendar(ctx, input),
} satisfies HandlersFor<typeof followupsContract>;
