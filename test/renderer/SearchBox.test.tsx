// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactList } from '../../src-renderer/features/contacts/ContactList.tsx';
import type { ContactSummary } from '../../shared/domain/contact.ts';
import { directoryOf, giveElementsASize, summary } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeAll(() => giveElementsASize(480));
beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(1_000));
  resetAppState();
});
afterEach(cleanup);

const ada = summary(1, { displayName: 'Ada Lovelace' });
const adam = summary(2, { displayName: 'Adam Smith' });
const searchBox = () => screen.getByRole('searchbox', { name: 'Search contacts' });
const searches = () => fake.callsTo<{ query: string }>('contacts.search').map((input) => input.query);

describe('Search contacts', () => {
  it('searches from two characters on and shows the hits instead of the list', async () => {
    fake.handle('contacts.search', () => [ada]);
    const user = userEvent.setup();
    render(<ContactList />);
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

    await user.clear(searchBox());
    expect(await screen.findByRole('grid', { name: 'Contacts' })).toBeTruthy();
  });

  it('ignores an answer that arrives after a newer query’s', async () => {
    const pending = new Map<string, (hits: ContactSummary[]) => void>();
    fake.handle('contacts.search', ({ query }: { query: string }) => new Promise((resolve) => pending.set(query, resolve)));
    const user = userEvent.setup();
    render(<ContactList />);

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

  it('says so when nothing matches', async () => {
    fake.handle('contacts.search', () => []);
    const user = userEvent.setup();
    render(<ContactList />);
    await user.type(searchBox(), 'zzyzx');
    expect(await screen.findByRole('heading', { name: 'No contacts match “zzyzx”' })).toBeTruthy();
  });
});
