/** Local calendar dates (`YYYY-MM-DD`) as the user's own clock sees them, never shifted through UTC. */

const pad = (value: number) => String(value).padStart(2, '0');

export function localDateOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function todayLocal(): string {
  return localDateOf(new Date());
}

function dateFrom(localDate: string): Date {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

export function addDays(localDate: string, days: number): string {
  const date = dateFrom(localDate);
  date.setDate(date.getDate() + days);
  return localDateOf(date);
}

/** Next Monday: "next week" starts the working week, never today. */
export function nextMonday(localDate: string): string {
  const weekday = dateFrom(localDate).getDay();
  return addDays(localDate, (8 - weekday) % 7 || 7);
}

/**
 * When something happened on `localDate`: now if that is today, else that day at the
 * current time of day (the user picked the day, not the hour).
 */
export function instantOn(localDate: string, now = new Date()): string {
  if (localDate === localDateOf(now)) return now.toISOString();
  const date = dateFrom(localDate);
  date.setHours(now.getHours(), now.getMinutes(), now.getSeconds(), 0);
  return date.toISOString();
}

/** "Tue 2 Dec 2026", in the user's locale. */
export function formatLocalDate(localDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) return localDate;
  return dateFrom(localDate).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatInstant(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** "Wednesday 2 December", for a screen's title. */
export function formatLongDate(localDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) return localDate;
  return dateFrom(localDate).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}
