import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';
import { historyCalls } from './history-core.ts';

// A word search reads the index in its own order and stops at the limit, so a
// common word in a large history answers at once: the most recently logged first.
describe('history.search order', () => {
  let api: ContactsCore;
  let history: ReturnType<typeof historyCalls>;
  let ada: Contact;
  beforeEach(async () => {
    api = await openContactsCore();
    history = historyCalls(api);
    ada = await api.create({ firstName: 'Ada', lastName: 'Lovelace' });
  });
  afterEach(() => api.close());

  it('lists the most recently logged matches first, wherever the word was found', async () => {
    const inReasons = await history.log({ contactId: ada.id, kind: 'call', occurredAt: '2026-11-05T09:00:00Z', reasons: ['asked about rates'] });
    const inSummary = await history.log({ contactId: ada.id, kind: 'email', occurredAt: '2026-11-01T09:00:00Z', summary: 'Sent the rates sheet' });
    const inOutcome = await history.log({ contactId: ada.id, kind: 'meeting', occurredAt: '2026-11-03T09:00:00Z', outcome: 'Agreed on rates' });
    expect((await history.search('rates')).map((hit) => [hit.interaction.id, hit.matchedIn])).toEqual([
      [inOutcome.id, 'outcome'],
      [inSummary.id, 'summary'],
      [inReasons.id, 'reasons'],
    ]);
    expect((await history.search('ra')).map((hit) => hit.interaction.id)).toEqual([inOutcome.id, inSummary.id, inReasons.id]);
  });
});
