import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';
import { historyCalls } from './history-core.ts';

describe('contacts.seedSample with history', () => {
  let api: ContactsCore;
  beforeEach(async () => {
    api = await openContactsCore();
  });
  afterEach(() => api.close());

  it('gives some sample people a believable history of different kinds, all in the past, findable by its reasons', async () => {
    const history = historyCalls(api);
    expect(api.value(await api.call('contacts.seedSample', {}))).toEqual({ created: 50 });
    const list = api.value<ContactListPage>(await api.call('contacts.list', { sort: 'name', limit: 100 }));
    const timelines = await Promise.all(list.items.map((contact) => history.timeline(contact.id, { limit: 200 })));
    const withHistory = timelines.filter((page) => page.total > 0);
    expect(withHistory.length).toBeGreaterThanOrEqual(10);
    expect(withHistory.length).toBeLessThan(list.items.length);
    const all = withHistory.flatMap((page) => page.items);
    expect(new Set(all.map((item) => item.kind)).size).toBeGreaterThanOrEqual(8);
    expect(all.every((item) => Date.parse(item.occurredAt) <= Date.now())).toBe(true);
    const hits = await history.search('asked about rates');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.matchedIn).toBe('reasons');
    const first = withHistory[0]!.items[0]!;
    expect(await history.lastInteractionAt(first.contactId)).toBe(first.occurredAt);
  });
});
