import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { Interaction } from '../../shared/history/history.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

describe('history.log', () => {
  let api: ContactsCore;
  let ada: Contact;
  const events: CoreEvent[] = [];
  beforeEach(async () => {
    api = await openContactsCore();
    ada = await api.create({ firstName: 'Ada', preferredChannel: 'phone' });
    api.core.onEvent((event) => events.push(event));
    events.length = 0;
  });
  afterEach(() => api.close());

  const log = async (input: object) => api.value<Interaction>(await api.call('history.log', { contactId: ada.id, ...input }));
  const contact = async (id = ada.id) => api.value<Contact>(await api.call('contacts.get', { id }));

  it('fills in the defaults: outbound, the preferred channel, the minutes of the kind and their cost', async () => {
    const call = await log({ kind: 'call', occurredAt: '2026-11-30T10:00:00Z', summary: 'Rates', reasons: ['asked about rates'] });
    expect(call).toMatchObject({
      contactId: ada.id,
      kind: 'call',
      direction: 'outbound',
      channel: 'phone',
      occurredAt: '2026-11-30T10:00:00.000Z',
      reasons: ['asked about rates'],
      minutes: 10,
      costCents: 0,
      costToServeCents: 500,
      followupId: null,
      deletedAt: null,
    });
    expect(events).toEqual([{ name: 'history.changed', payload: { contactIds: [ada.id], reason: 'logged' } }]);
    expect((await contact()).lastInteractionAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('adds money spent to the cost of the time, at the hourly cost of the day it was logged', async () => {
    const gift = await log({ kind: 'gift', occurredAt: '2026-11-30T10:00:00Z', minutes: 7, costCents: 2599 });
    expect(gift.costToServeCents).toBe(Math.round((7 * 3000) / 60) + 2599);
    api.value(await api.call('settings.update', { hourlyCostCents: 6000 }));
    expect((await api.value<Interaction>(await api.call('history.get', { id: gift.id }))).costToServeCents).toBe(2949);
    const later = await log({ kind: 'gift', occurredAt: '2026-11-30T11:00:00Z', minutes: 7, costCents: 2599 });
    expect(later.costToServeCents).toBe(700 + 2599);
  });

  it('keeps the newest time as the last interaction, whatever order they are logged in', async () => {
    await log({ kind: 'email', occurredAt: '2026-11-30T10:00:00Z' });
    await log({ kind: 'email', occurredAt: '2026-10-01T10:00:00Z' });
    expect((await contact()).lastInteractionAt).toBe('2026-11-30T10:00:00.000Z');
  });
});
