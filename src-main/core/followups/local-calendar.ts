// Calendar arithmetic on local `YYYY-MM-DD` dates, and the machine's own clock
// read as a local day and time. Dates are counted in UTC internally so that no
// daylight-saving shift ever moves a day.

type Unit = 'days' | 'weeks' | 'months' | 'years';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date` plus `count` units. Months and years keep the day of the month where
 * it exists and fall back to the month's last day (31 Jan + 1 month = 28/29 Feb;
 * 29 Feb + 1 year = 28 Feb). Add from a fixed anchor, never step by step, or
 * the day drifts (31 Jan → 28 Feb → 28 Mar).
 */
export function addToDate(date: string, count: number, unit: Unit): string {
  const [year, month, day] = parts(date);
  if (unit === 'days' || unit === 'weeks') {
    const shifted = new Date(Date.UTC(year, month - 1, day + count * (unit === 'weeks' ? 7 : 1)));
    return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  const months = (year * 12 + month - 1) + count * (unit === 'years' ? 12 : 1);
  const toYear = Math.floor(months / 12);
  const toMonth = (months % 12) + 1;
  return format(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** The local day and minute an instant falls on, in the machine's time zone. */
export function localMoment(now: number): { date: string; time: string } {
  const at = new Date(now);
  return { date: format(at.getFullYear(), at.getMonth() + 1, at.getDate()), time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

/** The instant a local day and time begins in the machine's time zone. */
export function instantOf(date: string, time: string | null): number {
  const [year, month, day] = parts(date);
  const [hours, minutes] = (time ?? '00:00').split(':').map(Number) as [number, number];
  return new Date(year, month - 1, day, hours, minutes).getTime();
}
