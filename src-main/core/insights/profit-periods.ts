import type { ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import { addToDate } from '../followups/followups.service.ts';

/**
 * A period's calendar days and the instants they run between, for purchases
 * (dated by calendar day) and interactions (stamped as UTC instants).
 * `fromAt` is inclusive, `toAt` exclusive: local midnight after the last day.
 */
export type Span = { from: string; to: string; fromAt: string; toAt: string };

/** All time has no fixed first day: each customer's starts when they became one. */
export const openStart = '0000-01-01';
/** Bounds no date falls between: the period before all time. */
export const emptySpan: Span = { from: '9999-12-31', to: '0000-01-01', fromAt: '9999', toAt: '0000' };

/** The instant a local calendar day begins, in the machine's time zone, as stored instants are written. */
export function startOfDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).toISOString();
}

export function spanOf(from: string, to: string): Span {
  return { from, to, fromAt: from === openStart ? '' : startOfDay(from), toAt: startOfDay(addToDate(to, 1, 'days')) };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/**
 * This year: 1 January of today's year to today. Last 12 months: the 365 days
 * ending today. All time: up to today (each customer's from their first
 * purchase or the day they were added, whichever is earlier).
 */
export function periodSpan(period: ProfitPeriod, today: string): Span {
  if (period === 'this_year') return spanOf(`${today.slice(0, 4)}-01-01`, today);
  if (period === 'last_12_months') return spanOf(addToDate(today, -364, 'days'), today);
  return spanOf(openStart, today);
}

/** The period of equal length just before: what retention compares against (none before all time). */
export function previousSpan(period: ProfitPeriod, today: string): Span {
  if (period === 'all_time') return emptySpan;
  const current = periodSpan(period, today);
  const length = daysBetween(current.from, current.to);
  const to = addToDate(current.from, -1, 'days');
  return spanOf(addToDate(to, -length, 'days'), to);
}

/** A calendar quarter, e.g. 2026-Q3, with its days (the current one ends today). */
export type Quarter = Span & { quarter: string };

/** The last eight calendar quarters up to today's, oldest first. */
export function lastQuarters(today: string, count = 8): Quarter[] {
  const year = Number(today.slice(0, 4));
  const index = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return Array.from({ length: count }, (_, position) => {
    const back = count - 1 - position;
    const absolute = year * 4 + index - back;
    const qYear = Math.floor(absolute / 4);
    const q = absolute % 4;
    const from = `${String(qYear).padStart(4, '0')}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const end = addToDate(addToDate(from, 3, 'months'), -1, 'days');
    return { quarter: `${qYear}-Q${q + 1}`, ...spanOf(from, end < today ? end : today) };
  });
}

/** The days of a quarter named like 2026-Q3, cut at today. */
export function quarterSpan(quarter: string, today: string): Span {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6)) - 1;
  const from = `${String(year).padStart(4, '0')}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const end = addToDate(addToDate(from, 3, 'months'), -1, 'days');
  return spanOf(from, end < today ? end : today);
}

/** From `since` (an instant) on, the machine's UTC offset in minutes; the newest first. */
export type OffsetChange = { since: string; minutes: number };

/**
 * The machine's time zone's offsets between two instants, to the minute, so SQL
 * can turn stored instants into local days with a plain '+N minutes' (SQLite's
 * own 'localtime' costs microseconds a row: a second over 100,000 contacts).
 */
export function offsetChanges(fromMs: number, toMs: number): OffsetChange[] {
  const offsetAt = (ms: number) => -new Date(ms).getTimezoneOffset();
  const changes: OffsetChange[] = [{ since: '', minutes: offsetAt(fromMs) }];
  const hour = 3_600_000;
  for (let ms = fromMs; ms < toMs; ms += 6 * hour) {
    if (offsetAt(ms + 6 * hour) === offsetAt(ms)) continue;
    let low = ms;
    let high = ms + 6 * hour;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 2);
      if (offsetAt(middle) === offsetAt(low)) low = middle;
      else high = middle;
    }
    // The change falls on a whole minute: the first minute of the new offset.
    const since = Math.floor(high / 60_000) * 60_000;
    changes.push({ since: new Date(since).toISOString(), minutes: offsetAt(since) });
  }
  return changes.reverse();
}
