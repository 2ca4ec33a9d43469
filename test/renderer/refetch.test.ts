// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContact } from '../../src-renderer/features/contacts/contact-editing.ts';
import { useContactList } from '../../src-renderer/features/contacts/contact-list.store.ts';
import { useContactSearch } from '../../src-renderer/features/contacts/contact-search.store.ts';
import { followContactChanges } from '../../src-renderer/features/contacts/follow-contacts.ts';
import { useTrash } from '../../src-renderer/features/contacts/trash.store.ts';
import { fullContact } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.search', () => []);
  fake.handle('contacts.trash', () => ({ items: [], total: 0 }));
  fake.handle('contacts.create', () => fullContact());
  resetAppState();
  vi.useFakeTimers();
});
let stop = () => {};
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('stores refetch on the core’s change events', () => {
  it('a write reloads each view once, when its own change event arrives, not by hand as well', async () => {
    stop = followContactChanges();
    useContactSearch.getState().setQuery('ada');
    await useTrash.getState().load();
    await vi.advanceTimersByTimeAsync(1_000);
    const searchesBefore = fake.callsTo('contacts.search').length;
    const trashLoadsBefore = fake.callsTo('contacts.trash').length;

    // The event stream may lag behind the write's answer: until the event comes, nothing reloads.
    fake.holdEvents();
    await createContact({ kind: 'person', firstName: 'Ada' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(useContactList.getState().generation).toBe(0);
    expect(fake.callsTo('tags.list')).toHaveLength(0);
    expect(fake.callsTo('contacts.search')).toHaveLength(searchesBefore);
    expect(fake.callsTo('contacts.trash')).toHaveLength(trashLoadsBefore);

    fake.releaseEvents();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(useContactList.getState().generation).toBe(1);
    // No list on screen: its tags are wanted again, loaded when it shows (ContactList.test.tsx).
    expect(useContactList.getState().tagsWanted).toBe(true);
    expect(fake.callsTo('contacts.search')).toHaveLength(searchesBefore + 1);
    expect(fake.callsTo('contacts.trash')).toHaveLength(trashLoadsBefore + 1);
  });

  it('a burst of change events reloads once', async () => {
    stop = followContactChanges();
    for (const reason of ['created', 'updated', 'deleted'] as const) fake.emit({ name: 'contacts.changed', payload: { ids: [], reason } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(useContactList.getState().generation).toBe(1);
  });
});
