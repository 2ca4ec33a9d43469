import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';
import { historyCalls } from './history-core.ts';

describe('history refuses bad input, naming the field, and writes nothing', () => {
  let api: ContactsCore;
  let history: ReturnType<typeof historyCalls>;
  let ada: Contact;
  beforeEach(async () => {
    api = await openContactsCore();
    history = historyCalls(api);
    ada = await api.create({ firstName: 'Ada' });
  });
  afterEach(() => api.close());

  const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
  const good = () => ({ contactId: ada.id, kind: 'call', occurredAt: '2026-11-20T10:00:00Z' });

  it.each([
    ['a time years ahead', { occurredAt: inDays(3 * 365) }, 'occurredAt', /^Date: .*plan it as a follow-up/],
    ['a time two days ahead', { occurredAt: inDays(2) }, 'occurredAt', /^Date: /],
    ['a date that is not a date', { occurredAt: '2026-02-30T10:00:00Z' }, 'occurredAt', /Date/],
    ['a summary of 1 MB', { summary: 'x'.repeat(1024 * 1024) }, 'summary', /Summary/],
    ['a negative cost', { costCents: -1 }, 'costCents', /Cost/],
    ['negative minutes', { minutes: -5 }, 'minutes', /Minutes/],
    ['an unknown kind', { kind: 'carrier pigeon' }, 'kind', /Kind/],
    ['an unknown channel', { channel: 'fax' }, 'channel', /Channel/],
    ['an empty reason', { reasons: ['rates', ' '] }, 'reasons.1', /Reason/],
    ['a contact that does not exist', { contactId: '0190a000-0000-7000-8000-0000000000ff' }, 'contactId', /^Contact: /],
  ])('refuses %s', async (_name, change, path, message) => {
    const refused = await history.refusal('history.log', { ...good(), ...change });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.paths).toEqual([path]);
    expect(refused.message).toMatch(message);
    expect((await history.timeline(ada.id)).total).toBe(0);
    expect(await history.lastInteractionAt(ada.id)).toBeNull();
  });

  it('accepts a time later today, as when the clock of another device runs ahead', async () => {
    await history.log({ ...good(), occurredAt: inDays(0.5) });
    expect((await history.timeline(ada.id)).total).toBe(1);
  });

  it('leaves an interaction as it was when an edit is refused', async () => {
    const logged = await history.log(good());
    const refused = await history.refusal('history.update', {
      id: logged.id,
      expectedUpdatedAt: logged.updatedAt,
      fields: { kind: 'call', occurredAt: inDays(400), summary: 'changed' },
    });
    expect(refused).toMatchObject({ code: 'VALIDATION', paths: ['occurredAt'] });
    expect((await history.timeline(ada.id)).items).toEqual([logged]);
  });
});
