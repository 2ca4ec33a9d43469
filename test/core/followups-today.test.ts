import { afterEach, describe, expect, it } from 'vitest';
import type { DueCounts, TodayView } from '../../shared/followups/followups.schemas.ts';
import { handClock, openFollowupsCore, type FollowupsCore } from './followups-core.ts';

const dayMs = 86_400_000;
const titles = (items: TodayView['overdue']) => items.map((item) => item.followup.title);

describe('the Today view', () => {
  let app: FollowupsCore | undefined;
  afterEach(async () => {
    await app?.remove();
    app = undefined;
  });

  it('sorts open follow-ups into overdue, today and the next 7 days, each with the contact and their last three interactions', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada', { preferredChannel: 'mail', preferredTime: 'morning' });
    const grace = await app.contact('Grace');
    for (const [index, summary] of ['Met at the open house', 'Asked about rates', 'Sent the listing', 'Called about the offer'].entries()) {
      await app.call('history.log', { contactId: ada.id, kind: 'call', occurredAt: `2026-11-2${index}T10:00:00.000Z`, summary });
    }
    await app.followup(ada.id, { title: 'Overdue note', dueDate: '2026-12-01' });
    await app.followup(ada.id, { title: 'Gift today', dueDate: '2026-12-02' });
    await app.followup(grace.id, { title: 'Call today at 3', dueDate: '2026-12-02', dueTime: '15:00' });
    await app.followup(grace.id, { title: 'Tomorrow', dueDate: '2026-12-03' });
    await app.followup(grace.id, { title: 'In a week', dueDate: '2026-12-09' });
    await app.followup(grace.id, { title: 'Too far', dueDate: '2026-12-10' });
    const done = await app.followup(grace.id, { title: 'Done already', dueDate: '2026-12-01' });
    await app.call('followups.complete', { id: done.id });
    const gone = await app.followup(grace.id, { title: 'Deleted', dueDate: '2026-12-02' });
    await app.call('followups.delete', { id: gone.id });

    const view = await app.call<TodayView>('followups.today', {});
    expect(view.today).toBe('2026-12-02');
    expect(titles(view.overdue)).toEqual(['Overdue note']);
    expect(titles(view.dueToday)).toEqual(['Gift today', 'Call today at 3']);
    expect(titles(view.upcoming)).toEqual(['Tomorrow', 'In a week']);
    const adaSeen = view.overdue[0]!.contact;
    expect(adaSeen).toMatchObject({ id: ada.id, displayName: 'Ada', preferredChannel: 'mail', preferredTime: 'morning', lastInteractionAt: '2026-11-23T10:00:00.000Z' });
    expect(adaSeen.recent.map((interaction) => interaction.summary)).toEqual(['Called about the offer', 'Sent the listing', 'Asked about rates']);
    expect(await app.call<DueCounts>('followups.dueCounts')).toEqual({ overdue: 1, today: 2 });
    expect(titles((await app.call<TodayView>('followups.today', { upcomingDays: 14 })).upcoming)).toEqual(['Tomorrow', 'In a week', 'Too far']);
  });

  it('leaves out a trashed contact’s follow-ups and brings them back when the contact is restored', async () => {
    app = await openFollowupsCore();
    const tom = await app.contact('Tom');
    await app.followup(tom.id, { title: 'Call Tom', dueDate: '2026-12-02' });
    await app.call('contacts.delete', { id: tom.id });
    expect(titles((await app.call<TodayView>('followups.today', {})).dueToday)).toEqual([]);
    expect(await app.call<DueCounts>('followups.dueCounts')).toEqual({ overdue: 0, today: 0 });
    await app.call('contacts.restore', { id: tom.id });
    expect(titles((await app.call<TodayView>('followups.today', {})).dueToday)).toEqual(['Call Tom']);
    expect(await app.call<DueCounts>('followups.dueCounts')).toEqual({ overdue: 0, today: 1 });
  });

  it('shows as losing touch those whose last interaction is older than their keep-in-touch days, or who were never contacted since added that long ago', async () => {
    const start = Date.now();
    app = await openFollowupsCore(handClock(start));
    const grace = await app.contact('Grace', { keepInTouchDays: 30 });
    const ada = await app.contact('Ada', { keepInTouchDays: 30 });
    await app.contact('Kim', { keepInTouchDays: 10 });
    const tom = await app.contact('Tom', { keepInTouchDays: 5 });
    await app.contact('Nobody asked');
    await app.call('history.log', { contactId: grace.id, kind: 'visit', occurredAt: new Date(start - 40 * dayMs).toISOString() });
    await app.call('history.log', { contactId: ada.id, kind: 'email', occurredAt: new Date(start - 2 * dayMs).toISOString() });
    await app.call('contacts.delete', { id: tom.id });

    const now = await app.call<TodayView>('followups.today', {});
    expect(now.losingTouch.map((item) => [item.contact.displayName, item.keepInTouchDays, item.daysSince])).toEqual([['Grace', 30, 40]]);
    expect(now.losingTouch[0]!.contact.recent.map((interaction) => interaction.kind)).toEqual(['visit']);

    app.clock.set(start + 11 * dayMs);
    const later = await app.call<TodayView>('followups.today', {});
    expect(later.losingTouch.map((item) => [item.contact.displayName, item.daysSince])).toEqual([
      ['Grace', 51],
      ['Kim', null],
    ]);
  });
});
