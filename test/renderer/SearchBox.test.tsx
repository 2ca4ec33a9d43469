// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
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

  it('ignores an answer that arrives after a newer query’s', async () => {
    const pending = new Map<string, (hits: ContactSummary[]) => void>();
    fake.handle('contacts.search', ({ query }: { query: string }) => new Promise((resolve) => pending.set(query, resolve)));
    const user = userEvent.setup();
    render(<App />);

    await user.type(searchBox(), 'ad');
    await waitFor(() => expect(searches()).toEqual(['ad']));
    await user.type(searchBox(), 'a');
    await waitFor(() => expect(searches()).toEqual(['ad', 'ada']));

    pending.get('ada')?.([ada]);
    const results = await screen.findByRole('grid', { name: 'Search results' });
    pending.get('ad')?.([adam, ada]);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(within(results).getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.queryByText('Adam Smith')).toBeNull();
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
