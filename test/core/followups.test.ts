import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors.ts';
import type { Completed, Followup } from '../../shared/followups/followups.schemas.ts';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Interaction, TimelinePage } from '../../shared/history/history.schemas.ts';
import { openFollowupsCore, type FollowupsCore } from './followups-core.ts';

const refusal = async (app: FollowupsCore, method: string, input: unknown): Promise<ApiError> => {
  const result = await app.core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
};

describe('follow-ups through dispatch', () => {
  let app: FollowupsCore | undefined;
  afterEach(async () => {
    await app?.remove();
    app = undefined;
  });

  it('creates, reads, lists, edits, deletes and restores a follow-up', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const created = await app.followup(ada.id, { kind: 'handwritten_note', title: 'Thank-you note', dueTime: '10:00', prompt: 'Mention the garden' });
    expect(created).toMatchObject({ contactId: ada.id, kind: 'handwritten_note', dueDate: '2026-12-05', dueTime: '10:00', status: 'open', recurrence: null, snoozedFrom: null });
    expect(await app.call('followups.get', { id: created.id })).toEqual(created);

    const edited = await app.call<Followup>('followups.update', {
      id: created.id,
      expectedUpdatedAt: created.updatedAt,
      fields: { kind: 'gift', title: 'Housewarming gift', dueDate: '2026-12-06' },
    });
    expect(edited).toMatchObject({ kind: 'gift', title: 'Housewarming gift', dueDate: '2026-12-06', dueTime: null, prompt: '' });
    const stale = await refusal(app, 'followups.update', { id: created.id, expectedUpdatedAt: created.updatedAt, fields: { kind: 'call', title: 'x', dueDate: '2026-12-06' } });
    expect(stale.code).toBe('CONFLICT');

    await app.call('followups.delete', { id: created.id });
    expect(await app.call('followups.list', { contactId: ada.id })).toEqual([]);
    await app.call('followups.restore', { id: created.id });
    expect((await app.call<Followup[]>('followups.list', { contactId: ada.id })).map((followup) => followup.title)).toEqual(['Housewarming gift']);
  });

  it('snoozes to today or later and remembers the day it was due; refuses a day already past', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const call = await app.followup(ada.id, { dueDate: '2026-12-01' });
    const snoozed = await app.call<Followup>('followups.snooze', { id: call.id, until: '2026-12-02' });
    expect(snoozed).toMatchObject({ dueDate: '2026-12-02', snoozedFrom: '2026-12-01' });
    const later = await app.call<Followup>('followups.snooze', { id: call.id, until: '2026-12-09' });
    expect(later).toMatchObject({ dueDate: '2026-12-09', snoozedFrom: '2026-12-01' });
    const past = await refusal(app, 'followups.snooze', { id: call.id, until: '2026-12-01' });
    expect(past.code).toBe('VALIDATION');
    expect(past.message).toMatch(/^Please check: Snooze until: Choose today \(2026-12-02\) or a later day\.$/);
  });

  it('Mark done logs the matching interaction in history, with the outcome, and cannot be done twice', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const kinds = [
      ['handwritten_note', 'handwritten_note'],
      ['thank_you_call', 'call'],
      ['gift', 'gift'],
      ['other', 'note'],
    ] as const;
    for (const [kind, logged] of kinds) {
      const followup = await app.followup(ada.id, { kind, title: `Do the ${kind}` });
      const done = await app.call<Completed>('followups.complete', { id: followup.id, outcome: 'She loved it' });
      expect(done.followup).toMatchObject({ status: 'done', interactionId: done.interaction.id });
      expect(done.followup.completedAt).not.toBeNull();
      expect(done.interaction).toMatchObject({ contactId: ada.id, kind: logged, direction: 'outbound', outcome: 'She loved it', followupId: followup.id });
    }
    const timeline = await app.call<TimelinePage>('history.timeline', { contactId: ada.id });
    expect(timeline.items.map((item) => item.kind).sort()).toEqual(['call', 'gift', 'handwritten_note', 'note']);
    const first = (await app.call<Followup[]>('followups.list', { contactId: ada.id }))[0]!;
    expect((await refusal(app, 'followups.complete', { id: first.id })).code).toBe('CONFLICT');
  });

  it('Mark done makes its interaction the contact’s last, unless a later one is logged; a contact in the Trash is refused', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const lastOf = async (id: string) => (await app!.call<Contact>('contacts.get', { id })).lastInteractionAt;
    const done = await app.call<Completed>('followups.complete', { id: (await app.followup(ada.id)).id });
    expect(await lastOf(ada.id)).toBe(done.interaction.occurredAt);

    const grace = await app.contact('Grace');
    const later = await app.call<Interaction>('history.log', { contactId: grace.id, kind: 'call', occurredAt: new Date(app.clock.now() + 3_600_000).toISOString() });
    await app.call<Completed>('followups.complete', { id: (await app.followup(grace.id)).id });
    expect(await lastOf(grace.id)).toBe(later.occurredAt);

    const kim = await app.contact('Kim');
    const forKim = await app.followup(kim.id);
    await app.call('contacts.delete', { id: kim.id });
    expect((await refusal(app, 'followups.complete', { id: forKim.id })).code).toBe('VALIDATION');
    expect(await lastOf(kim.id)).toBeNull();
  });

  it('Mark done writes nothing when part of it fails: the follow-up and its history entry go in one transaction', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const note = await app.followup(ada.id, { kind: 'handwritten_note' });
    const other = new Sqlite(app.core.databaseFile);
    // The follow-up's own update fails after its history entry was written: the entry must go too.
    other.exec(`create trigger refuse_done before update of status on followups begin select raise(abort, 'refused for the test'); end`);
    other.close();
    expect((await refusal(app, 'followups.complete', { id: note.id })).code).toBe('INTERNAL');
    expect(String(app.logged[0])).toMatch(/refused for the test/);
    expect(await app.call('followups.get', { id: note.id })).toMatchObject({ status: 'open', interactionId: null, completedAt: null });
    expect((await app.call<TimelinePage>('history.timeline', { contactId: ada.id })).items).toEqual([]);
  });

  it('refuses bad input with the field in the user’s words, and writes nothing', async () => {
    app = await openFollowupsCore();
    const ada = await app.contact('Ada');
    const base = { contactId: ada.id, kind: 'call', title: 'Call' };

    const notADay = await refusal(app, 'followups.create', { ...base, dueDate: '2026-02-30' });
    expect(notADay.code).toBe('VALIDATION');
    expect(notADay.message).toMatch(/Due date: That day does not exist in that month\./);

    const never = await refusal(app, 'followups.create', { ...base, dueDate: '2026-12-05', recurrence: { every: 0, unit: 'weeks' } });
    expect(never.code).toBe('VALIDATION');
    expect(never.message).toMatch(/Repeat: Repeat at least every 1\./);

    await app.call('contacts.delete', { id: ada.id });
    const trashed = await refusal(app, 'followups.create', { ...base, dueDate: '2026-12-05' });
    expect(trashed.code).toBe('VALIDATION');
    expect(trashed.message).toBe('Please check: Contact: Ada is in the Trash. Restore them first to plan a follow-up.');
    expect(trashed.details).toEqual({ fields: [{ path: 'contactId', message: 'Ada is in the Trash. Restore them first to plan a follow-up.' }] });

    await app.call('contacts.restore', { id: ada.id });
    expect(await app.call('followups.list', { contactId: ada.id })).toEqual([]);
  });
});
