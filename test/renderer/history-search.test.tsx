// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import type { HistoryHit } from '../../shared/history/history.schemas.ts';
import { interaction } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, fullContact, giveElementsASize, summary } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const ada = summary(1, { displayName: 'Ada Lovelace' });
const ratesHit: HistoryHit = {
  interaction: interaction(1, { contactId: contactId(2), summary: 'She asked about rates for next year' }),
  contactName: 'Bea Brown',
  matchedIn: 'summary',
  snippet: '…asked about rates for next year',
};

beforeAll(() => giveElementsASize(480));
beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(1_000));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id, displayName: id === contactId(2) ? 'Bea Brown' : 'Someone else' }));
  fake.handle('contacts.trash', () => ({ items: [], total: 0 }));
  fake.handle('contacts.search', () => [ada]);
  fake.handle('history.search', () => [ratesHit]);
  resetAppState();
});
afterEach(cleanup);

const searchBox = () => screen.getByRole('combobox', { name: 'Search contacts' }) as HTMLInputElement;
const route = () => useNavigation.getState().route;

describe('Search contacts finds words in history too', () => {
  it('lists history hits under the contacts, saying where they matched, and Enter opens that contact', async () => {
    act(() => navigate({ screen: 'contact', id: contactId(9) }));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Someone else' });

    await user.type(searchBox(), 'rates');
    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const inHistory = await within(results).findByRole('group', { name: 'In history' });
    const hit = within(inHistory).getByRole('option', { name: /^Bea Brown — matched in summary: …asked about rates/ });
    expect(within(results).getByRole('option', { name: /Ada Lovelace/ })).toBeTruthy();
    // No delay to wait out: the words typed are searched as they grow, the whole word last.
    const asked = fake.callsTo('history.search') as Array<{ query: string; limit: number }>;
    expect(asked.at(-1)).toEqual({ query: 'rates', limit: 5 });
    expect(asked.every(({ query }) => 'rates'.startsWith(query) && query.length >= 2)).toBe(true);

    // One list for the keys: the contact first, then the history hit.
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(hit.id);
    await user.keyboard('{Enter}');
    expect(route()).toEqual({ screen: 'contact', id: contactId(2) });
    expect(searchBox().value).toBe('');
  });

  it('shows history hits on the list screen while the list shows the contacts, and a click opens the contact', async () => {
    act(() => navigate({ screen: 'contacts' }));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Contact 000000');

    await user.type(searchBox(), 'rates');
    expect(await screen.findByRole('grid', { name: 'Search results' })).toBeTruthy();
    const inHistory = await screen.findByRole('listbox', { name: 'In history' });
    expect(within(inHistory).queryByRole('option', { name: /Ada Lovelace/ })).toBeNull();
    await user.click(within(inHistory).getByRole('option', { name: /^Bea Brown — matched in summary/ }));
    expect(route()).toEqual({ screen: 'contact', id: contactId(2) });
  });

  it('searches history again when history changes', async () => {
    act(() => navigate({ screen: 'contact', id: contactId(9) }));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Someone else' });
    fake.handle('history.search', () => []);
    await user.type(searchBox(), 'rates');
    await screen.findByRole('option', { name: /Ada Lovelace/ });
    expect(screen.queryByRole('group', { name: 'In history' })).toBeNull();

    const before = fake.callsTo('history.search').length;
    fake.handle('history.search', () => [ratesHit]);
    act(() => fake.emit({ name: 'history.changed', payload: { contactIds: [contactId(2)], reason: 'logged' } }));
    expect(await screen.findByRole('option', { name: /^Bea Brown — matched in summary/ })).toBeTruthy();
    await waitFor(() => expect(fake.callsTo('history.search')).toHaveLength(before + 1));
    expect(fake.callsTo('history.search').at(-1)).toEqual({ query: 'rates', limit: 5 });
  });
});
