import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../shared/history/history.schemas.ts';
import type { TodayView } from '../../shared/followups/followups.schemas.ts';
import { openFollowupsCore, type FollowupsCore } from './followups-core.ts';

// Today reads the last three interactions of every contact on screen in one go:
// each contact keeps their own three, newest first, deleted ones left out.
describe('the Today view’s last three interactions', () => {
  let app: FollowupsCore | undefined;
  afterEach(async () => {
    await app?.remove();
    app = undefined;
  });

  it('shows each contact on screen their own newest three live interactions', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const grace = await app.contact('Grace');
    const kim = await app.contact('Kim');
    const log = (contactId: string, day: number, summary: string) =>
      app!.call<Interaction>('history.log', { contactId, kind: 'call', occurredAt: `2026-11-${day}T10:00:00.000Z`, summary });
    for (const [day, summary] of [[20, 'Ada 1'], [24, 'Ada 5'], [21, 'Ada 2'], [23, 'Ada 4'], [22, 'Ada 3']] as const) await log(ada.id, day, summary);
    const deleted = await log(ada.id, 25, 'Ada deleted');
    await app.call('history.delete', { id: deleted.id });
    for (const [day, summary] of [[10, 'Grace 1'], [12, 'Grace 2']] as const) await log(grace.id, day, summary);
    await app.followup(ada.id, { title: 'Note to Ada', dueDate: '2026-12-01' });
    await app.followup(grace.id, { title: 'Call Grace', dueDate: '2026-12-02' });
    await app.followup(kim.id, { title: 'Visit Kim', dueDate: '2026-12-03' });
    await app.followup(ada.id, { title: 'Gift for Ada', dueDate: '2026-12-04' });

    const view = await app.call<TodayView>('followups.today', {});
    const recent = (items: TodayView['overdue']) => items.map((item) => [item.followup.title, item.contact.recent.map((each) => each.summary)]);
    expect(recent(view.overdue)).toEqual([['Note to Ada', ['Ada 5', 'Ada 4', 'Ada 3']]]);
    expect(recent(view.dueToday)).toEqual([['Call Grace', ['Grace 2', 'Grace 1']]]);
    expect(recent(view.upcoming)).toEqual([
      ['Visit Kim', []],
      ['Gift for Ada', ['Ada 5', 'Ada 4', 'Ada 3']],
    ]);
  });

  it('orders each contact’s three as their timeline does, ties at one instant broken the same way', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    for (const summary of ['first', 'second', 'third', 'fourth']) {
      await app.call<Interaction>('history.log', { contactId: ada.id, kind: 'call', occurredAt: '2026-11-20T10:00:00.000Z', summary });
    }
    await app.call<Interaction>('history.log', { contactId: ada.id, kind: 'call', occurredAt: '2026-11-19T10:00:00.000Z', summary: 'older' });
    await app.followup(ada.id, { title: 'Note to Ada', dueDate: '2026-12-01' });

    const view = await app.call<TodayView>('followups.today', {});
    const timeline = await app.call<{ items: Interaction[] }>('history.timeline', { contactId: ada.id, limit: 3 });
    expect(view.overdue[0]?.contact.recent.map((each) => each.id)).toEqual(timeline.items.map((each) => each.id));
  });
});
