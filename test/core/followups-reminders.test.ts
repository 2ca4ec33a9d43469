import { afterEach, describe, expect, it } from 'vitest';
import { at, openFollowupsCore, type FollowupsCore } from './followups-core.ts';

// The scheduler on a hand-moved clock: each follow-up announced once when it
// falls due (at its time, else at the start of its day), never twice across a
// restart, and those that fell due while the app was closed in one digest.

const titles = (announcement: { items: Array<{ title: string }> }) => announcement.items.map((item) => item.title);

describe('reminders that never slip', () => {
  let app: FollowupsCore | undefined;
  afterEach(async () => {
    await app?.remove();
    app = undefined;
  });

  it('announces each follow-up once when it falls due, and never again after a restart with a moved clock', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    await app.followup(ada.id, { title: 'Housewarming gift', kind: 'gift', dueDate: '2026-12-03' });
    await app.followup(ada.id, { title: 'Call after lunch', dueDate: '2026-12-03', dueTime: '14:00' });
    expect(await app.announced()).toEqual([]);

    app.clock.set(at('2026-12-03', '08:00'));
    const [morning, ...rest] = await app.announced();
    expect(rest).toEqual([]);
    expect(morning).toEqual({ missedWhileClosed: false, items: [expect.objectContaining({ title: 'Housewarming gift', contactName: 'Ada', kind: 'gift', dueDate: '2026-12-03' })] });

    app.clock.set(at('2026-12-03', '14:00'));
    expect((await app.announced()).map(titles)).toEqual([['Housewarming gift'], ['Call after lunch']]);

    app = await app.reopen(at('2026-12-04'));
    expect(await app.announced()).toEqual([]);
    app.clock.set(at('2026-12-05'));
    expect(await app.announced()).toEqual([]);
  });

  it('announces in one digest those that fell due while Ambassador was closed, then the rest on their day', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const grace = await app.contact('Grace');
    await app.followup(ada.id, { title: 'Handwritten note', kind: 'handwritten_note', dueDate: '2026-12-03' });
    await app.followup(grace.id, { title: 'Thank-you call', kind: 'thank_you_call', dueDate: '2026-12-04', dueTime: '10:30' });
    await app.followup(grace.id, { title: 'Check in', dueDate: '2026-12-10' });
    expect(await app.announced()).toEqual([]);

    app = await app.reopen(at('2026-12-05'));
    const announced = await app.announced();
    expect(announced).toHaveLength(1);
    expect(announced[0]!.missedWhileClosed).toBe(true);
    expect(titles(announced[0]!)).toEqual(['Handwritten note', 'Thank-you call']);

    app.clock.set(at('2026-12-10', '00:00'));
    expect((await app.announced()).map((each) => [each.missedWhileClosed, titles(each)])).toEqual([
      [true, ['Handwritten note', 'Thank-you call']],
      [false, ['Check in']],
    ]);
  });

  it('announces a snoozed follow-up again on its new day, and one planned for an overdue day at once', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const note = await app.followup(ada.id, { title: 'Handwritten note', dueDate: '2026-12-02' });
    expect((await app.announced()).map(titles)).toEqual([['Handwritten note']]);

    await app.call('followups.snooze', { id: note.id, until: '2026-12-04' });
    app.clock.set(at('2026-12-03'));
    expect(await app.announced()).toHaveLength(1);
    app.clock.set(at('2026-12-04'));
    expect((await app.announced()).map(titles)).toEqual([['Handwritten note'], ['Handwritten note']]);

    await app.followup(ada.id, { title: 'Forgot this one', dueDate: '2026-11-30' });
    expect((await app.announced()).map(titles).at(-1)).toEqual(['Forgot this one']);
  });

  it('does not announce the follow-ups of a contact in the Trash, nor done ones; a restored contact’s are announced', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const grace = await app.contact('Grace');
    await app.followup(ada.id, { title: 'Gift for Ada', dueDate: '2026-12-03' });
    const done = await app.followup(grace.id, { title: 'Call Grace', dueDate: '2026-12-03' });
    await app.call('contacts.delete', { id: ada.id });
    await app.call('followups.skip', { id: done.id });

    app.clock.set(at('2026-12-03'));
    expect(await app.announced()).toEqual([]);
    await app.call('contacts.restore', { id: ada.id });
    expect((await app.announced()).map(titles)).toEqual([['Gift for Ada']]);
  });
});
