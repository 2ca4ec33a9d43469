import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarFile, Followup } from '../../shared/followups/followups.schemas.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { at, handClock, openFollowupsCore, type FollowupsCore } from './followups-core.ts';
import { readCalendar, type ReadEvent } from './ics-reading.ts';

const child = new URL('./export-calendar.child.ts', import.meta.url).pathname;

/** Ada's and Grace's open follow-ups, and some that are not open or belong to a contact in the Trash. */
async function plan(app: FollowupsCore) {
  const ada = await app.contact('Ada', { lastName: 'Lovelace' });
  const grace = await app.contact('Grace', { lastName: 'Hopper' });
  const tom = await app.contact('Tom');
  const open = {
    note: await app.followup(ada.id, { kind: 'handwritten_note', title: 'Thank-you note', dueDate: '2026-03-15', prompt: 'Dear Ada,\nthank you; it was lovely.' }),
    call: await app.followup(ada.id, { kind: 'call', title: 'How is the new home?', dueDate: '2026-12-03', dueTime: '14:30' }),
    late: await app.followup(ada.id, { kind: 'text', title: 'Good night', dueDate: '2026-12-31', dueTime: '23:45' }),
    monthly: await app.followup(grace.id, { kind: 'card', title: 'Month-end card', dueDate: '2027-01-31', recurrence: { every: 1, unit: 'months' } }),
    gift: await app.followup(grace.id, { kind: 'gift', title: 'Housewarming gift', dueDate: '2026-12-02' }),
  };
  const done = await app.followup(ada.id, { title: 'Done already' });
  await app.call('followups.complete', { id: done.id });
  const skipped = await app.followup(ada.id, { title: 'Skipped' });
  await app.call('followups.skip', { id: skipped.id });
  const deleted = await app.followup(grace.id, { title: 'Deleted' });
  await app.call('followups.delete', { id: deleted.id });
  await app.followup(tom.id, { title: 'Tom is in the Trash' });
  await app.call('contacts.delete', { id: tom.id });
  return { ada, grace, open };
}

const uidOf = (followup: Followup) => `${followup.id}@ambassador.local`;
const byUid = (events: ReadEvent[]) => new Map(events.map((event) => [event.uid, event]));

describe('the calendar export', () => {
  let app: FollowupsCore | undefined;
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    await app?.remove();
    app = undefined;
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('writes every open follow-up once, as all-day or floating-time events with an alarm, the contact in the summary and the prompt in the description', async () => {
    app = await openFollowupsCore(handClock(at('2026-12-02', '09:05')));
    const { open } = await plan(app);
    const file = await app.call<CalendarFile>('followups.exportCalendar', {});

    const exports = join(dirname(app.core.databaseFile), 'exports');
    expect(file).toMatchObject({ path: join(exports, 'Ambassador-followups-2026-12-02-0905.ics'), fileName: 'Ambassador-followups-2026-12-02-0905.ics', events: 5 });
    expect(readdirSync(exports)).toEqual([file.fileName]);
    const text = readFileSync(file.path, 'utf8');
    expect(file.sizeBytes).toBe(Buffer.byteLength(text));

    const events = readCalendar(text);
    expect(events.map((event) => event.uid).sort()).toEqual(Object.values(open).map(uidOf).sort());
    const read = byUid(events);
    expect(read.get(uidOf(open.note))).toMatchObject({
      summary: 'Handwritten note: Thank-you note — Ada Lovelace',
      description: 'Dear Ada,\nthank you; it was lovely.',
      start: '2026-03-15',
      end: '2026-03-16',
      allDay: true,
      transparent: true,
      rrule: null,
      alarms: ['DISPLAY PT9H RELATED=START'],
    });
    expect(read.get(uidOf(open.call))).toMatchObject({
      summary: 'Call: How is the new home? — Ada Lovelace',
      description: null,
      start: '2026-12-03T14:30:00',
      end: '2026-12-03T15:00:00',
      allDay: false,
      floating: true,
      transparent: false,
      alarms: ['DISPLAY -PT15M'],
    });
    expect(read.get(uidOf(open.late))).toMatchObject({ summary: 'Text message: Good night — Ada Lovelace', start: '2026-12-31T23:45:00', end: '2027-01-01T00:15:00', floating: true });
    // Each occurrence of a series is its own follow-up: the file holds the next date, no rule that would show it twice.
    expect(read.get(uidOf(open.monthly))).toMatchObject({ summary: 'Card: Month-end card — Grace Hopper', start: '2027-01-31', rrule: null });
  });

  it('keeps each follow-up’s UID across exports, so importing again updates; an edit raises the SEQUENCE', async () => {
    const clock = handClock(at('2026-12-02', '09:00'));
    app = await openFollowupsCore(clock);
    const { open } = await plan(app);
    const first = readCalendar(readFileSync((await app.call<CalendarFile>('followups.exportCalendar', {})).path, 'utf8'));

    clock.set(at('2026-12-02', '10:30'));
    await app.call('followups.snooze', { id: open.gift.id, until: '2026-12-04' });
    const second = readCalendar(readFileSync((await app.call<CalendarFile>('followups.exportCalendar', {})).path, 'utf8'));

    expect(second.map((event) => event.uid).sort()).toEqual(first.map((event) => event.uid).sort());
    const [before, after] = [byUid(first).get(uidOf(open.gift))!, byUid(second).get(uidOf(open.gift))!];
    expect([before.start, after.start]).toEqual(['2026-12-02', '2026-12-04']);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(byUid(second).get(uidOf(open.call))!.sequence).toBe(byUid(first).get(uidOf(open.call))!.sequence);
  });

  it('writes one contact’s open follow-ups only, to the file asked for', async () => {
    app = await openFollowupsCore();
    const { grace, open } = await plan(app);
    const folder = makeTempDataDir('ambassador-calendar-');
    cleanups.push(folder.remove);
    const to = join(folder.dir, 'Grace.ics');
    const file = await app.call<CalendarFile>('followups.exportCalendar', { contactId: grace.id, to });
    expect(file).toMatchObject({ path: to, fileName: 'Grace.ics', events: 2 });
    expect(readCalendar(readFileSync(to, 'utf8')).map((event) => event.uid).sort()).toEqual([uidOf(open.monthly), uidOf(open.gift)].sort());
    expect(readdirSync(folder.dir)).toEqual(['Grace.ics']);
  });

  it('refuses a contact that does not exist, and a folder that does not exist, writing nothing', async () => {
    app = await openFollowupsCore();
    const unknown = await app.core.dispatch('followups.exportCalendar', { contactId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const nowhere = join(dirname(app.core.databaseFile), 'no such folder', 'calendar.ics');
    const refused = await app.core.dispatch('followups.exportCalendar', { to: nowhere });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(existsSync(join(dirname(app.core.databaseFile), 'exports'))).toBe(false);
  });
});

describe('the calendar export in other time zones', () => {
  // The core reads the zone from TZ: a child process started with it exports the same data.
  const zones = [
    { zone: 'Pacific/Auckland', offsetMinutes: -780 },
    { zone: 'America/Los_Angeles', offsetMinutes: 420 },
  ];

  it.each(zones)('keeps all-day dates and local times as they are under TZ=$zone', async ({ zone, offsetMinutes }) => {
    const data = makeTempDataDir('ambassador-calendar-tz-');
    try {
      const app = await openFollowupsCore(handClock(at('2026-12-02')), data);
      const { open } = await plan(app);
      await app.close();

      const to = join(data.dir, `${zone.replace('/', '-')}.ics`);
      const output = execFileSync(process.execPath, [child, data.dir, to], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
      const printed = JSON.parse(output) as { offsetMinutes: number; result: { ok: boolean } };
      expect(printed.offsetMinutes).toBe(offsetMinutes);
      expect(printed.result.ok).toBe(true);

      const read = byUid(readCalendar(readFileSync(to, 'utf8')));
      expect(read.size).toBe(5);
      expect(read.get(uidOf(open.note))).toMatchObject({ start: '2026-03-15', end: '2026-03-16', allDay: true });
      expect(read.get(uidOf(open.gift))).toMatchObject({ start: '2026-12-02', allDay: true });
      expect(read.get(uidOf(open.call))).toMatchObject({ start: '2026-12-03T14:30:00', floating: true });
    } finally {
      data.remove();
    }
  });
});
