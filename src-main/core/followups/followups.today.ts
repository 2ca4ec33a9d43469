import type { DueCounts, LosingTouchItem, TodayContact, TodayItem, TodayView } from '../../../shared/followups/followups.schemas.ts';
import type { Interaction } from '../../../shared/history/history.schemas.ts';
import type { PreferredChannel, PreferredTime } from '../../../shared/contacts/contacts.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { recentInteractions } from '../history/history.service.ts';
import { rowToFollowup } from './followups.mapping.ts';
import { countOpenDue, findLosingTouch, findOpenDue, type FollowupWithContact, type LosingTouchRow } from './followups.repository.ts';
import { addToDate, localMoment } from './local-calendar.ts';

/** Each section shows at most this many; the sidebar's counts say how many there are in all. */
const sectionLimit = 200;
const recentPerContact = 3;
const dayMs = 86_400_000;

type ContactColumns = Pick<LosingTouchRow, 'display_name' | 'preferred_channel' | 'preferred_time' | 'last_interaction_at'>;

function todayContact(id: string, row: ContactColumns, recent: Map<string, Interaction[]>): TodayContact {
  return {
    id,
    displayName: row.display_name,
    preferredChannel: row.preferred_channel as PreferredChannel | null,
    preferredTime: row.preferred_time as PreferredTime | null,
    lastInteractionAt: row.last_interaction_at,
    recent: recent.get(id) ?? [],
  };
}

const item = (row: FollowupWithContact, recent: Map<string, Interaction[]>): TodayItem => ({
  followup: rowToFollowup(row),
  contact: todayContact(row.contact_id, row, recent),
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
  const contactIds = [...new Set([...overdue, ...dueToday, ...upcoming].map((row) => row.contact_id).concat(losing.map((row) => row.id)))];
  const recent = await recentInteractions(ctx.db, contactIds, recentPerContact);
  const losingTouch: LosingTouchItem[] = losing.map((row) => ({
    contact: todayContact(row.id, row, recent),
    keepInTouchDays: row.keep_in_touch_days,
    daysSince: row.last_interaction_at === null ? null : Math.floor((now - Date.parse(row.last_interaction_at)) / dayMs),
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
