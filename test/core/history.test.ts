import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Interaction } from '../../shared/history/history.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';
import { historyCalls } from './history-core.ts';

describe('history: editing, deleting, and going to the Trash with its contact', () => {
  let api: ContactsCore;
  let history: ReturnType<typeof historyCalls>;
  let ada: Contact;
  const events: CoreEvent[] = [];
  beforeEach(async () => {
    api = await openContactsCore();
    history = historyCalls(api);
    ada = await api.create({ firstName: 'Ada' });
    api.core.onEvent((event) => events.push(event));
  });
  afterEach(() => api.close());

  const call = (at: string, more: object = {}) => history.log({ contactId: ada.id, kind: 'call', occurredAt: at, ...more });

  it('edits an interaction, keeping its cost unless minutes or money changed, and refuses an edit from an old version', async () => {
    const logged = await call('2026-11-20T10:00:00Z', { summary: 'Rates' });
    api.value(await api.call('settings.update', { hourlyCostCents: 6000, minutesByKind: { call: 20 } }));
    const fields = { kind: 'call', occurredAt: '2026-11-21T10:00:00Z', summary: 'Rates and fees' };
    const edited = api.value<Interaction>(await api.call('history.update', { id: logged.id, expectedUpdatedAt: logged.updatedAt, fields }));
    expect(edited).toMatchObject({ summary: 'Rates and fees', occurredAt: '2026-11-21T10:00:00.000Z', minutes: 10, costToServeCents: 500 });
    expect(await history.lastInteractionAt(ada.id)).toBe('2026-11-21T10:00:00.000Z');
    const longer = api.value<Interaction>(await api.call('history.update', { id: logged.id, expectedUpdatedAt: edited.updatedAt, fields: { ...fields, minutes: 30 } }));
    expect(longer.costToServeCents).toBe(3000);
    const meeting = api.value<Interaction>(await api.call('history.update', { id: logged.id, expectedUpdatedAt: longer.updatedAt, fields: { ...fields, kind: 'meeting' } }));
    expect(meeting).toMatchObject({ minutes: 45, costToServeCents: 4500 });
    const stale = await api.call('history.update', { id: logged.id, expectedUpdatedAt: logged.updatedAt, fields });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    expect(events.filter((event) => event.name === 'history.changed').map((event) => event.payload)).toEqual([
      { contactIds: [ada.id], reason: 'logged' },
      { contactIds: [ada.id], reason: 'updated' },
      { contactIds: [ada.id], reason: 'updated' },
      { contactIds: [ada.id], reason: 'updated' },
    ]);
  });

  it('deletes and restores an interaction, and the last interaction follows', async () => {
    const older = await call('2026-11-01T10:00:00Z', { summary: 'older talk' });
    const newer = await call('2026-11-20T10:00:00Z', { summary: 'newer talk' });
    const deleted = api.value<Interaction>(await api.call('history.delete', { id: newer.id }));
    expect(deleted.deletedAt).not.toBeNull();
    expect((await history.timeline(ada.id)).items.map((item) => item.id)).toEqual([older.id]);
    expect(await history.lastInteractionAt(ada.id)).toBe('2026-11-01T10:00:00.000Z');
    expect((await history.search('newer talk')).length).toBe(0);
    const edit = await api.call('history.update', { id: newer.id, expectedUpdatedAt: deleted.updatedAt, fields: { kind: 'call', occurredAt: '2026-11-20T10:00:00Z' } });
    expect(edit.ok ? null : edit.error.code).toBe('CONFLICT');

    api.value(await api.call('history.restore', { id: newer.id }));
    expect((await history.timeline(ada.id)).items.map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(await history.lastInteractionAt(ada.id)).toBe('2026-11-20T10:00:00.000Z');
    expect((await history.search('newer talk')).map((hit) => hit.interaction.id)).toEqual([newer.id]);

    api.value(await api.call('history.delete', { id: older.id }));
    api.value(await api.call('history.delete', { id: newer.id }));
    expect(await history.lastInteractionAt(ada.id)).toBeNull();
  });

  it('hides a contact’s history while it is in the Trash, refuses new history there, and brings it all back on restore', async () => {
    const logged = await call('2026-11-20T10:00:00Z', { summary: 'housewarming plans' });
    api.value(await api.call('contacts.delete', { id: ada.id }));
    expect(await history.timeline(ada.id)).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(await history.search('housewarming')).toEqual([]);
    expect(await history.refusal('history.log', { contactId: ada.id, kind: 'call', occurredAt: '2026-11-21T10:00:00Z' })).toEqual({
      code: 'VALIDATION',
      message: 'Contact: this contact is in the Trash. Restore it before adding to its history.',
      paths: ['contactId'],
    });

    api.value(await api.call('contacts.restore', { id: ada.id }));
    expect((await history.timeline(ada.id)).items).toEqual([logged]);
    expect((await history.search('housewarming')).map((hit) => hit.interaction.id)).toEqual([logged.id]);
    expect(await history.lastInteractionAt(ada.id)).toBe('2026-11-20T10:00:00.000Z');
  });

  it('names who referred a contact, only from live contacts other than themselves', async () => {
    const grace = await api.create({ firstName: 'Grace' });
    const referral = await call('2026-11-20T10:00:00Z', { kind: 'referral', direction: 'inbound', referredById: grace.id });
    expect(referral.referredById).toBe(grace.id);
    const self = await history.refusal('history.log', { contactId: ada.id, kind: 'referral', occurredAt: '2026-11-20T10:00:00Z', referredById: ada.id });
    expect(self).toMatchObject({ code: 'VALIDATION', paths: ['referredById'] });
    expect(self.message).toMatch(/^Referred by: /);
    api.value(await api.call('contacts.delete', { id: grace.id }));
    const trashed = await history.refusal('history.log', { contactId: ada.id, kind: 'referral', occurredAt: '2026-11-20T10:00:00Z', referredById: grace.id });
    expect(trashed).toMatchObject({ code: 'VALIDATION', paths: ['referredById'] });
  });

  it('reads one interaction, and says when it does not exist', async () => {
    const logged = await call('2026-11-20T10:00:00Z');
    expect(api.value<Interaction>(await api.call('history.get', { id: logged.id }))).toEqual(logged);
    const missing = await api.call('history.get', { id: '0190a000-0000-7000-8000-0000000000ff' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
