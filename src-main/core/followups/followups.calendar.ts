import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { followupKindNames } from '../../../shared/followups/followups.labels.ts';
import type { CalendarExport, CalendarFile } from '../../../shared/followups/followups.schemas.ts';
import { findContactBriefs } from '../contacts/contacts.service.ts';
import { nowOf, type CoreContext } from '../context.ts';
import { writeFileWhole } from '../transfer/transfer.service.ts';
import { findOpenFollowups, type FollowupForContact } from './followups-cards.repository.ts';
import { addToDate } from './local-calendar.ts';

// One VEVENT per open follow-up (no library writes VTODO, and calendars show
// events where people look). Choices, each for a reason:
// - UID `<follow-up id>@ambassador.local`: importing a newer file updates the
//   event instead of adding a second; SEQUENCE grows with each edit so
//   calendars take the newer one.
// - A day without a time is an all-day event, written from the date string:
//   a `Date` would be read by its UTC fields and land a day early east of UTC.
//   It does not mark the day busy: a note to write is not a meeting.
// - A time is floating local time, as Ambassador keeps it: 14:30 is 14:30 on
//   the calendar, in whatever zone the calendar is in.
// - No RRULE: each occurrence of a series is its own follow-up (a new one is
//   made when the last is done), so a rule would show occurrences twice.

const timedMinutes = 30;
/** All-day events remind at 9:00 on the day; timed ones this long before. */
const allDayReminderSeconds = 9 * 3600;
const timedReminderSeconds = 15 * 60;
const sequenceEpoch = Date.UTC(2000, 0, 1);

const two = (value: number) => String(value).padStart(2, '0');

/** `Ambassador-followups-YYYY-MM-DD-HHMM.ics`, in local time, as the user reads their clock. */
export function calendarFileName(at: number): string {
  const date = new Date(at);
  return `Ambassador-followups-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}.ics`;
}

/** The wall-clock time as a Date whose UTC fields hold it: ical-generator writes a floating time from those. */
function floating(date: string, time: string, plusMinutes = 0): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, day, hours, minutes + plusMinutes));
}

function addEvent(calendar: ICalCalendar, row: FollowupForContact, stamp: Date): void {
  const timed = row.due_time !== null;
  const summary = `${followupKindNames[row.kind]}: ${row.title} — ${row.display_name}`;
  const event = calendar.createEvent({
    id: `${row.id}@ambassador.local`,
    sequence: Math.max(0, Math.floor((Date.parse(row.updated_at) - sequenceEpoch) / 60_000)),
    stamp,
    summary,
    description: row.prompt === '' ? null : row.prompt,
    ...(row.due_time !== null
      ? { start: floating(row.due_date, row.due_time), end: floating(row.due_date, row.due_time, timedMinutes), floating: true }
      : { start: row.due_date, end: addToDate(row.due_date, 1, 'days'), allDay: true, transparency: ICalEventTransparency.TRANSPARENT }),
  });
  const alarm = event.createAlarm({ type: ICalAlarmType.display, description: summary, trigger: timed ? timedReminderSeconds : -allDayReminderSeconds });
  // The constructor ignores `relatesTo`; without it a trigger after the start is written relative to the end.
  if (!timed) alarm.relatesTo(ICalAlarmRelatesTo.start);
}

/** The .ics text of these follow-ups. */
export function calendarText(rows: FollowupForContact[], now: number): string {
  const calendar = ical({ prodId: { company: 'Ambassador', product: 'Ambassador', language: 'EN' }, name: 'Ambassador follow-ups' });
  const stamp = new Date(now);
  for (const row of rows) addEvent(calendar, row, stamp);
  return calendar.toString();
}

async function requireContact(ctx: CoreContext, contactId: string): Promise<void> {
  const [contact] = await findContactBriefs(ctx.db, [contactId]);
  if (!contact) throw new AppError('NOT_FOUND', 'That contact no longer exists. It may have been deleted for good.', { id: contactId });
}

function exportsFolder(ctx: CoreContext): string {
  if (!ctx.dataFolder) throw new AppError('INTERNAL', 'The calendar export needs the whole core; this one runs without its data folder.');
  return join(ctx.dataFolder.dir, 'exports');
}

/**
 * Writes the open follow-ups (all, or one contact's) as an .ics file where the
 * user chose, or into the exports folder beside the data; whole or not at all.
 */
export async function exportCalendar(ctx: CoreContext, input: CalendarExport): Promise<CalendarFile> {
  if (input.contactId !== undefined) await requireContact(ctx, input.contactId);
  const now = nowOf(ctx);
  const rows = await findOpenFollowups(ctx.db, input.contactId);
  const path = input.to ?? join(exportsFolder(ctx), calendarFileName(now));
  const sizeBytes = writeFileWhole(path, calendarText(rows, now), { makeFolder: input.to === undefined });
  return { path, fileName: basename(path), events: rows.length, sizeBytes };
}
