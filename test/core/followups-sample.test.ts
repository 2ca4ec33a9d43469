import { afterEach, describe, expect, it } from 'vitest';
import type { TodayView } from '../../shared/followups/followups.schemas.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { seedSampleFollowupsIn } from '../../src-main/core/followups/followups.service.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { at, handClock, openFollowupsCore, type FollowupsCore } from './followups-core.ts';

// "Load sample data" plans these inside its own write (contacts.seedSample);
// here the service function runs on the same database file between two starts.
describe('sample follow-ups', () => {
  let app: FollowupsCore | undefined;
  afterEach(async () => {
    await app?.remove();
    app = undefined;
  });

  it('fills every section of a newcomer’s Today view, relative to today', async () => {
    const data = makeTempDataDir();
    const clock = handClock(at('2026-12-02'));
    app = await openFollowupsCore(clock, data);
    const people: string[] = [];
    for (const name of ['Ada', 'Grace', 'Alan', 'Kim', 'Lin', 'Tom', 'Extra']) people.push((await app.contact(name)).id);
    await app.close();

    const { db } = openDatabase(data.dir);
    const planned = await db.transaction().execute((tx) => seedSampleFollowupsIn(tx, new Date(clock.now()).toISOString(), people));
    await db.destroy();
    expect(planned).toBe(6);

    app = await openFollowupsCore(clock, data);
    const view = await app.call<TodayView>('followups.today', {});
    const row = (items: TodayView['overdue']) => items.map((item) => [item.contact.displayName, item.followup.kind, item.followup.dueDate]);
    expect(row(view.overdue)).toEqual([
      ['Ada', 'handwritten_note', '2026-11-30'],
      ['Grace', 'thank_you_call', '2026-12-01'],
    ]);
    expect(row(view.dueToday)).toEqual([
      ['Alan', 'gift', '2026-12-02'],
      ['Kim', 'call', '2026-12-02'],
    ]);
    expect(row(view.upcoming)).toEqual([['Lin', 'email', '2026-12-05']]);
    expect(view.overdue[0]!.followup.prompt).not.toBe('');
    // The digest at start-up carries the ones already due.
    expect((await app.announced()).map((each) => [each.missedWhileClosed, each.items.length])).toEqual([[true, 3]]);
  });
});
