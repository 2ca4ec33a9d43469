import { afterEach, describe, expect, it } from 'vitest';
import type { Completed, Followup } from '../../shared/followups/followups.schemas.ts';
import { addToDate } from '../../src-main/core/followups/local-calendar.ts';
import { openFollowupsCore, type FollowupsCore } from './followups-core.ts';

describe('recurrence on calendar dates', () => {
  it('keeps the day of the month where it exists and falls back to the month’s last day', () => {
    expect(addToDate('2026-01-31', 1, 'months')).toBe('2026-02-28');
    expect(addToDate('2028-01-31', 1, 'months')).toBe('2028-02-29');
    expect(addToDate('2026-01-31', 2, 'months')).toBe('2026-03-31');
    expect(addToDate('2026-01-31', 3, 'months')).toBe('2026-04-30');
    expect(addToDate('2028-02-29', 1, 'years')).toBe('2029-02-28');
    expect(addToDate('2028-02-29', 4, 'years')).toBe('2032-02-29');
    expect(addToDate('2026-11-15', 3, 'months')).toBe('2027-02-15');
    expect(addToDate('2026-12-30', 3, 'days')).toBe('2027-01-02');
    expect(addToDate('2026-03-27', 2, 'weeks')).toBe('2026-04-10');
    expect(addToDate('2026-03-01', -1, 'days')).toBe('2026-02-28');
  });
});

describe('completing and skipping a recurring follow-up', () => {
  let app: FollowupsCore | undefined;
  afterEach(async () => {
    await app?.remove();
    app = undefined;
  });

  it('plans the next from the original anchor: 31 Jan monthly goes 28 Feb, then 31 Mar', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const first = await app.followup(ada.id, { dueDate: '2026-01-31', recurrence: { every: 1, unit: 'months' }, prompt: 'Ask about the roof' });
    const done = await app.call<Completed>('followups.complete', { id: first.id });
    expect(done.next).toMatchObject({ dueDate: '2026-02-28', status: 'open', prompt: 'Ask about the roof', recurrence: { every: 1, unit: 'months' } });
    const again = await app.call<Completed>('followups.complete', { id: done.next!.id });
    expect(again.next?.dueDate).toBe('2026-03-31');
    // Skipping one of a series plans the next too.
    await app.call('followups.skip', { id: again.next!.id });
    const open = await app.call<Followup[]>('followups.list', { contactId: ada.id, status: 'open' });
    expect(open.map((followup) => followup.dueDate)).toEqual(['2026-04-30']);
  });

  it('keeps the series on its days when one is snoozed, and a yearly 29 Feb falls on 28 Feb', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const weekly = await app.followup(ada.id, { dueDate: '2026-12-02', recurrence: { every: 2, unit: 'weeks' } });
    await app.call('followups.snooze', { id: weekly.id, until: '2026-12-05' });
    expect((await app.call<Completed>('followups.complete', { id: weekly.id })).next?.dueDate).toBe('2026-12-16');

    const leap = await app.followup(ada.id, { dueDate: '2028-02-29', recurrence: { every: 1, unit: 'years' } });
    expect((await app.call<Completed>('followups.complete', { id: leap.id })).next?.dueDate).toBe('2029-02-28');
  });

  it('plans nothing after a follow-up that does not repeat', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const once = await app.followup(ada.id);
    expect((await app.call<Completed>('followups.complete', { id: once.id })).next).toBeNull();
  });
});
