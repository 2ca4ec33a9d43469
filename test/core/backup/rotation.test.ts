import { describe, expect, it } from 'vitest';
import { backupsToRemove, type DatedBackup } from '../../../src-main/core/backup/rotation.ts';

/** A backup at a local date and time, as the machine's clock names it. */
const local = (date: string, time = '09:00') => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(year, month - 1, day, hours, minutes).toISOString();
};
const backup = (date: string, time?: string, beforeRestore = false): DatedBackup => ({
  path: `${date} ${time ?? '09:00'}${beforeRestore ? ' safety' : ''}`,
  createdAt: local(date, time),
  reason: beforeRestore ? 'before-restore' : 'automatic',
});

/** Every day from `from` for `days` days, at 09:00. */
function daily(from: string, days: number): DatedBackup[] {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  return Array.from({ length: days }, (_, index) => {
    const date = new Date(year, month - 1, day + index);
    return backup(`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`);
  });
}

const kept = (backups: DatedBackup[], protect?: Set<string>) => {
  const removed = new Set(backupsToRemove(backups, protect));
  return backups.filter((each) => !removed.has(each.path)).map((each) => each.path).sort();
};

describe('which backups the rotation keeps', () => {
  it.each<[string, DatedBackup[], string[]]>([
    ['nothing to rotate', [], []],
    ['one backup is always kept', [backup('2020-01-01')], ['2020-01-01 09:00']],
    [
      'several on one day: the newest of the day',
      [backup('2026-03-10', '08:00'), backup('2026-03-10', '12:00'), backup('2026-03-10', '18:00')],
      ['2026-03-10 18:00'],
    ],
    [
      'two in the same minute: the later name (-2) is the newer',
      [
        { path: '/b/Ambassador-2026-03-10-0930.ambassador', createdAt: local('2026-03-10', '09:30'), reason: 'automatic' },
        { path: '/b/Ambassador-2026-03-10-0930-2.ambassador', createdAt: local('2026-03-10', '09:30'), reason: 'automatic' },
      ],
      ['/b/Ambassador-2026-03-10-0930-2.ambassador'],
    ],
    [
      'a week of daily backups: all seven',
      daily('2026-03-01', 7),
      daily('2026-03-01', 7).map((each) => each.path),
    ],
    [
      // 2026-02-28 is a Saturday; 03-31 a Tuesday.
      // Each period counts from the newest: Tue 31 March is the newest of its day, week and month.
      'five weeks of daily backups: the last 7 days, the newest of the 4 latest weeks, and of each month',
      daily('2026-02-25', 35),
      [
        ...daily('2026-03-25', 7).map((each) => each.path), // the days, and the weeks of Mon 30 and Mon 23
        '2026-03-22 09:00', // the Sunday ending the week of Mon 16
        '2026-03-15 09:00', // the Sunday ending the week of Mon 9
        '2026-02-28 09:00', // the newest of February
      ].sort(),
    ],
    [
      'two years of monthly backups: the last 12 months',
      Array.from({ length: 24 }, (_, index) => backup(`${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`)),
      Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}-15 09:00`),
    ],
    [
      'safety copies made before a restore: the newest 3, whatever the dates; they do not push out automatic backups',
      [
        backup('2026-03-01', '09:00', true),
        backup('2026-03-02', '09:00', true),
        backup('2026-03-03', '09:00', true),
        backup('2026-03-04', '09:00', true),
        backup('2025-01-01'),
      ],
      ['2025-01-01 09:00', '2026-03-02 09:00 safety', '2026-03-03 09:00 safety', '2026-03-04 09:00 safety'],
    ],
  ])('%s', (_name, backups, expected) => {
    expect(kept(backups)).toEqual(expected);
  });

  it('never removes a protected backup (the copy Undo restore needs)', () => {
    const safety = [1, 2, 3, 4, 5].map((day) => backup(`2026-03-0${day}`, '09:00', true));
    expect(kept(safety, new Set([safety[0]!.path]))).toContain(safety[0]!.path);
    expect(kept(daily('2024-01-01', 400), new Set(['2024-01-01 09:00']))).toContain('2024-01-01 09:00');
  });
});
