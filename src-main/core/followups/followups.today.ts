import type { DueCounts, LosingTouchItem, TodayItem, TodayView } from '../../../shared/followups/followups.schemas.ts';
import type { Interaction } from '../../../shared/history/history.schemas.ts';
import type { PreferredChannel, PreferredTime } from '../../../shared/contacts/contacts.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { losingTouch as findLosingTouch } from '../contacts/contacts.service.ts';
import { recentInteractions } from '../history/history.service.ts';
import { rowToFollowup } from './followups.mapping.ts';
import { countOpenDue, findOpenDue, type FollowupWithContact } from './followups.repository.ts';
import { addToDate, localMoment } from './local-calendar.ts';

/** Each section shows at most this many; the sidebar's counts say how many there are in all. */
const sectionLimit = 200;
const recentPerContact = 3;
const dayMs = 86_400_000;

const item = (row: FollowupWithContact, recent: Map<string, Interaction[]>): TodayItem => ({
  followup: rowToFollowup(row),
  contact: {
    id: row.contact_id,
    displayName: row.display_name,
    preferredChannel: row.preferred_channel as PreferredChannel | null,
    preferredTime: row.preferred_time as PreferredTime | null,
    lastInteractionAt: row.last_interaction_at,
    recent: recent.get(row.contact_id) ?? [],
  },
});

/**
 * Overdue (open, due before today), due today, upcoming (the next `upcomingDays`
 * days) and losing touch, for contacts out of the Trash. "Today" is the local
 * date of the core's clock. A contact never contacted is losing touch once they
 * were added more than their keep-in-touch days ago (`daysSince` is then null).
 */
export async function todayView(ctx: CoreContext, query: { upcomingDays: number }): Promise<TodayView> {
  const now = nowOf(ctx);
  const today = localMoment(now).date;
  const tomorrow = addToDate(today, 1, 'days');
  const [overdue, dueToday, upcoming, losing] = await Promise.all([
    findOpenDue(ctx.db, { to: today }, sectionLimit),
    findOpenDue(ctx.db, { from: today, to: tomorrow }, sectionLimit),
    findOpenDue(ctx.db, { from: tomorrow, to: addToDate(tomorrow, query.upcomingDays, 'days') }, sectionLimit),
    findLosingTouch(ctx.db, new Date(now).toISOString(), sectionLimit),
  ]);
  const contactIds = [...new Set([...overdue, ...dueToday, ...upcoming].map((row) => row.contact_id).concat(losing.map((contact) => contact.id)))];
  const recent = await recentInteractions(ctx.db, contactIds, recentPerContact);
  const losingTouch: LosingTouchItem[] = losing.map((contact) => ({
    contact: {
      id: contact.id,
      displayName: contact.displayName,
      preferredChannel: contact.preferredChannel,
      preferredTime: contact.preferredTime,
      lastInteractionAt: contact.lastInteractionAt,
      recent: recent.get(contact.id) ?? [],
    },
    keepInTouchDays: contact.keepInTouchDays ?? 0,
    daysSince: contact.lastInteractionAt === null ? null : Math.floor((now - Date.parse(contact.lastInteractionAt)) / dayMs),
  }));
  return {
    today,
    overdue: overdue.map((row) => item(row, recent)),
    dueToday: dueToday.map((row) => item(row, recent)),
    upcoming: upcoming.map((row) => item(row, recent)),
    losingTouch,
  };
}

export async function dueCounts(ctx: CoreContext): Promise<DueCounts> {
  return countOpenDue(ctx.db, localMoment(nowOf(ctx)).date);
}
