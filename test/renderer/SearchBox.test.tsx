// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { useContactSearch } from '../../src-renderer/features/contacts/contact-search.store.ts';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { contactId, directoryOf, fullContact, giveElementsASize, summary } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeAll(() => giveElementsASize(480));
beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(1_000));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id, displayName: id === contactId(1) ? 'Ada Lovelace' : 'Someone else' }));
  fake.handle('contacts.trash', () => ({ items: [], total: 0 }));
  resetAppState();
  act(() => navigate({ screen: 'contacts' }));
});
afterEach(cleanup);

const ada = summary(1, { displayName: 'Ada Lovelace' });
const adam = summary(2, { displayName: 'Adam Smith' });
const searchBox = () => screen.getByRole('combobox', { name: 'Search contacts' }) as HTMLInputElement;
const searches = () => fake.callsTo<{ query: string }>('contacts.search').map((input) => input.query);
const route = () => useNavigation.getState().route;

describe('Search contacts on the list screen', () => {
  it('searches from two characters on and shows the hits instead of the list', async () => {
    fake.handle('contacts.search', () => [ada]);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Contact 000000');

    await user.type(searchBox(), 'a');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(searches()).toEqual([]);
    expect(screen.getByText('Contact 000000')).toBeTruthy();

    await user.type(searchBox(), 'd');
    const results = await screen.findByRole('grid', { name: 'Search results' });
    expect(searches()).toEqual(['ad']);
    expect(within(results).getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.queryByText('Contact 000000')).toBeNull();
    // The list is the result here: no second copy drops down under the box.
    expect(screen.queryByRole('listbox', { name: 'Search results' })).toBeNull();

    await user.keyboard('{ArrowDown}{Enter}');
    expect(route()).toEqual({ screen: 'contact', id: ada.id });
  });

  it('searches one query at a time: keys typed meanwhile wait, and only the newest is searched next', async () => {
    const pending = new Map<string, (hits: ContactSummary[]) => void>();
    fake.handle('contacts.search', ({ query }: { query: string }) => new Promise((resolve) => pending.set(query, resolve)));
    const shown: string[][] = [];
    const stopWatching = useContactSearch.subscribe((state) => shown.push((state.results ?? []).map((hit) => hit.displayName)));
    const user = userEvent.setup();
    render(<App />);

    await user.type(searchBox(), 'lovelace');
    // Typed fast, while the first search was with the core: nothing else was sent yet.
    expect(searches()).toEqual(['lo']);

    // The first answer is for a query no longer typed: it never reaches the screen, and the newest query goes next.
    await act(async () => pending.get('lo')?.([adam, ada]));
    await waitFor(() => expect(searches()).toEqual(['lo', 'lovelace']));
    expect(screen.queryByRole('grid', { name: 'Search results' })).toBeNull();

    await act(async () => pending.get('lovelace')?.([ada]));
    const results = await screen.findByRole('grid', { name: 'Search results' });
    expect(within(results).getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.queryByText('Adam Smith')).toBeNull();
    expect(shown.filter((names) => names.includes('Adam Smith'))).toEqual([]);
    stopWatching();
  });

  it('shows the latest query’s answer whatever order answers are released in, and keeps the old results until then', async () => {
    const pending: { query: string; answer: (hits: ContactSummary[]) => void }[] = [];
    fake.handle('contacts.search', ({ query }: { query: string }) => new Promise((answer) => pending.push({ query, answer })));
    const user = userEvent.setup();
    render(<App />);
    const answerAll = async (hitsFor: (query: string) => ContactSummary[]) => {
      // Newest first: a store that sent several at once would see its answers out of order.
      while (pending.length > 0) {
        const newest = pending.splice(-1, 1)[0]!;
        // The macrotask lets a search sent by this answer reach the fake core before the loop looks again.
        await act(async () => {
          newest.answer(hitsFor(newest.query));
          await new Promise((resolve) => setTimeout(resolve, 0));
        });
      }
    };

    await user.type(searchBox(), 'ad');
    await answerAll(() => [adam, ada]);
    const results = await screen.findByRole('grid', { name: 'Search results' });
    expect(within(results).getByText('Adam Smith')).toBeTruthy();

    await user.type(searchBox(), 'a');
    // Until "ada" answers, "ad"’s results stay: the list does not flash back in between.
    expect(screen.getByRole('grid', { name: 'Search results' })).toBe(results);
    expect(within(results).getByText('Adam Smith')).toBeTruthy();
    await user.clear(searchBox());
    await user.type(searchBox(), 'gr');
    await answerAll((query) => (query === 'gr' ? [summary(3, { displayName: 'Grace Hopper' })] : [ada]));
    await waitFor(() => expect(screen.getByRole('grid', { name: 'Search results' }).textContent).toContain('Grace Hopper'));
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
    expect(searches().at(-1)).toBe('gr');
  });

  it('searches again when contacts change during a search, dropping the answer from before the change', async () => {
    const pending: { query: string; answer: (hits: ContactSummary[]) => void }[] = [];
    fake.handle('contacts.search', ({ query }: { query: string }) => new Promise((answer) => pending.push({ query, answer })));
    const user = userEvent.setup();
    render(<App />);
    await user.type(searchBox(), 'ada');
    expect(searches()).toEqual(['ad']);
    await act(async () => pending.shift()?.answer([]));
    await waitFor(() => expect(searches()).toEqual(['ad', 'ada']));

    act(() => useContactSearch.getState().refresh());
    expect(searches()).toEqual(['ad', 'ada']);
    await act(async () => pending.shift()?.answer([adam]));
    await waitFor(() => expect(searches()).toEqual(['ad', 'ada', 'ada']));
    expect(screen.queryByText('Adam Smith')).toBeNull();
    await act(async () => pending.shift()?.answer([ada]));
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy();
  });

  it('says so when nothing matches, and Escape clears the search', async () => {
    fake.handle('contacts.search', () => []);
    const user = userEvent.setup();
    render(<App />);
    await user.type(searchBox(), 'zzyzx');
    expect(await screen.findByRole('heading', { name: 'No contacts match “zzyzx”' })).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(searchBox().value).toBe('');
    expect(await screen.findByRole('grid', { name: 'Contacts' })).toBeTruthy();
  });
});

describe('Search contacts from anywhere', () => {
  for (const [screenName, go] of [
    ['a contact’s page', () => navigate({ screen: 'contact', id: contactId(9) })],
    ['the new-contact form', () => navigate({ screen: 'new-contact' })],
    ['the Trash', () => navigate({ screen: 'trash' })],
  ] as const) {
    it(`is on ${screenName}, and a click on a result opens that contact`, async () => {
      fake.handle('contacts.search', () => [adam, ada]);
      act(go);
      const user = userEvent.setup();
      render(<App />);

      await user.type(searchBox(), 'lovelace');
      const results = await screen.findByRole('listbox', { name: 'Search results' });
      expect(searchBox().getAttribute('aria-expanded')).toBe('true');
      await user.click(within(results).getByRole('option', { name: /Ada Lovelace/ }));

      expect(route()).toEqual({ screen: 'contact', id: ada.id });
      expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
      expect(searchBox().value).toBe('');
      expect(screen.queryByRole('listbox', { name: 'Search results' })).toBeNull();
    });
  }

  it('opens a result with the arrow keys and Enter', async () => {
    fake.handle('contacts.search', () => [adam, ada]);
    act(() => navigate({ screen: 'contact', id: contactId(9) }));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Someone else' });

    await user.type(searchBox(), 'ad');
    await screen.findByRole('option', { name: /Ada Lovelace/ });
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = searchBox().getAttribute('aria-activedescendant');
    expect(active && document.getElementById(active)?.textContent).toContain('Ada Lovelace');
    await user.keyboard('{Enter}');

    expect(route()).toEqual({ screen: 'contact', id: ada.id });
  });

  it('Escape closes the results without leaving the page, and says when nothing matches', async () => {
    fake.handle('contacts.search', () => []);
    act(() => navigate({ screen: 'contact', id: contactId(9) }));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Someone else' });

    await user.type(searchBox(), 'zzyzx');
    expect(await screen.findByText('No contacts match “zzyzx”')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(searchBox().value).toBe('');
    expect(screen.queryByText('No contacts match “zzyzx”')).toBeNull();
    await user.keyboard('{Escape}');
    expect(route()).toEqual({ screen: 'contact', id: contactId(9) });
  });

  it('/ and Ctrl+K focus it without leaving the page; / typed in another field stays text', async () => {
    act(() => navigate({ screen: 'contact', id: contactId(9) }));
    const user = userEvent.setup();
    render(<App />);
    const notes = (await screen.findByLabelText('Notes', { exact: true })) as HTMLTextAreaElement;

    await user.type(notes, 'a/b');
    expect(notes.value).toBe('a/b');
    expect(document.activeElement).toBe(notes);

    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(searchBox());
    expect(route()).toEqual({ screen: 'contact', id: contactId(9) });

    searchBox().blur();
    await user.keyboard('/');
    expect(document.activeElement).toBe(searchBox());
    expect(searchBox().value).toBe('');
    expect(route()).toEqual({ screen: 'contact', id: contactId(9) });
  });
});
