// Which backups the rotation removes: a pure function over their dates, so the
// rules are tested with a table of dates and no files.

import { newestFirst } from './backup-names.ts';

export type DatedBackup = { path: string; createdAt: string; reason: 'automatic' | 'before-restore' };

export const keep = { daily: 7, weekly: 4, monthly: 12, beforeRestore: 3 };

const pad = (value: number) => String(value).padStart(2, '0');

const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Local calendar day, week (named by its Monday) and month of an instant. */
function periodsOf(createdAt: string): { day: string; week: string; month: string } {
  const date = new Date(createdAt);
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
  const day = dayOf(date);
  return { day, week: dayOf(monday), month: day.slice(0, 7) };
}

/**
 * The automatic backups keep the newest always, then the newest of each of the
 * last 7 days, 4 weeks and 12 months that have one; the safety copies made
 * before a restore keep their newest 3. `protect`ed paths (the copy Undo
 * restore needs) are never removed. Backups made with Back up now are not
 * passed in: the user made them on purpose, and removes them.
 */
export function backupsToRemove(backups: DatedBackup[], protect: ReadonlySet<string> = new Set()): string[] {
  const sorted = [...backups].sort(newestFirst);
  const kept = new Set<string>(protect);
  const regular = sorted.filter((backup) => backup.reason === 'automatic');
  if (regular[0]) kept.add(regular[0].path);
  for (const [period, count] of [['day', keep.daily], ['week', keep.weekly], ['month', keep.monthly]] as const) {
    let last: string | undefined;
    let left = count;
    for (const backup of regular) {
      if (left === 0) break;
      const key = periodsOf(backup.createdAt)[period];
      if (key === last) continue;
      kept.add(backup.path);
      last = key;
      left -= 1;
    }
  }
  for (const backup of sorted.filter((each) => each.reason === 'before-restore').slice(0, keep.beforeRestore)) kept.add(backup.path);
  return sorted.filter((backup) => !kept.has(backup.path)).map((backup) => backup.path);
}
