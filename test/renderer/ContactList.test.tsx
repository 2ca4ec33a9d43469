// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { ContactList } from '../../src-renderer/features/contacts/ContactList.tsx';
import { rowHeight } from '../../src-renderer/features/contacts/ContactGrid.tsx';
import { followContactChanges } from '../../src-renderer/features/contacts/follow-contacts.ts';
import { contactId, directoryOf, giveElementsASize } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeAll(() => giveElementsASize(480));
beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => [{ name: 'customer', count: 33_334 }]);
  resetAppState();
  useNavigation.setState({ route: { screen: 'contacts' } });
  location.hash = '';
});
afterEach(cleanup);

const dataRows = () => screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
const listOffsets = () => fake.callsTo<{ offset: number }>('contacts.list').map((input) => input.offset);

describe('ContactList over a fake transport of 100,000 contacts', () => {
  it('keeps only a window of rows in the DOM and fetches the page for wherever the user scrolls', async () => {
    fake.handle('contacts.list', directoryOf(100_000));
    render(<ContactList />);

    expect(await screen.findByText('Contact 000000')).toBeTruthy();
    const grid = screen.getByRole('grid', { name: 'Contacts' });
    expect(grid.getAttribute('aria-rowcount')).toBe('100001');
    expect(screen.getByText('100,000 in total')).toBeTruthy();
    expect(dataRows().length).toBeGreaterThan(5);
    expect(dataRows().length).toBeLessThan(40);
    expect(listOffsets()).toEqual([0]);

    const scroller = screen.getByTestId('contact-grid-scroll');
    await act(async () => {
      scroller.scrollTop = 73_250 * rowHeight;
      fireEvent.scroll(scroller);
    });

    expect(await screen.findByText('Contact 073250')).toBeTruthy();
    expect(screen.queryByText('Contact 000000')).toBeNull();
    expect(dataRows().length).toBeLessThan(40);
    // Only the pages around the new position: nothing in between is fetched.
    expect(listOffsets().slice(1).sort()).toEqual([73_200]);
    const row = screen.getByText('Contact 073250').closest('[role="row"]');
    expect(row?.getAttribute('aria-rowindex')).toBe(String(73_250 + 2));
  });

  it('comes back where the user left it after visiting another screen', async () => {
    fake.handle('contacts.list', directoryOf(100_000));
    const first = render(<ContactList />);
    await screen.findByText('Contact 000000');
    const scroller = screen.getByTestId('contact-grid-scroll');
    await act(async () => {
      scroller.scrollTop = 5_000 * rowHeight;
      fireEvent.scroll(scroller);
    });
    expect(await screen.findByText('Contact 005000')).toBeTruthy();

    first.unmount();
    render(<ContactList />);
    expect(await screen.findByText('Contact 005000')).toBeTruthy();
    expect(screen.queryByText('Contact 000000')).toBeNull();
  });

  it('opens a contact by click, and by arrow keys and Enter', async () => {
    fake.handle('contacts.list', directoryOf(100_000));
    const user = userEvent.setup();
    render(<ContactList />);

    await user.click(await screen.findByRole('row', { name: /Contact 000003/ }));
    expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(3) });
    expect(location.hash).toBe(`#/contacts/${contactId(3)}`);

    useNavigation.setState({ route: { screen: 'contacts' } });
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Contact 000005');
    await user.keyboard('{Enter}');
    expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(5) });
  });

  it('sorts and filters through the labelled selects', async () => {
    fake.handle('contacts.list', directoryOf(100_000));
    const user = userEvent.setup();
    render(<ContactList />);
    await screen.findByText('Contact 000000');

    await user.selectOptions(screen.getByLabelText('Sort by'), 'updated');
    await waitFor(() => expect(fake.callsTo('contacts.list').at(-1)).toMatchObject({ sort: 'updated', offset: 0 }));
    await user.selectOptions(await screen.findByLabelText('Filter by tag'), 'customer');
    await waitFor(() => expect(fake.callsTo('contacts.list').at(-1)).toMatchObject({ sort: 'updated', tag: 'customer' }));
  });

  it('tells a newcomer what to do and loads sample data', async () => {
    let total = 0;
    fake.handle('contacts.list', (input: { offset?: number; limit?: number }) => directoryOf(total)(input));
    fake.handle('contacts.seedSample', () => {
      total = 50;
      return { created: 50 };
    });
    // The list reloads on the seed's own change event, as in the app.
    const stop = followContactChanges();
    const user = userEvent.setup();
    render(<ContactList />);

    expect(await screen.findByRole('heading', { name: 'No contacts yet' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load sample data' }));

    expect(fake.callsTo('contacts.seedSample')).toHaveLength(1);
    expect(await screen.findByText('Contact 000000')).toBeTruthy();
    expect(screen.getByText('50 in total')).toBeTruthy();
    stop();
  });

  it('reloads when another window changes contacts', async () => {
    let total = 10;
    fake.handle('contacts.list', (input: { offset?: number; limit?: number }) => directoryOf(total)(input));
    const stop = followContactChanges();
    render(<ContactList />);
    await screen.findByText('10 in total');

    total = 11;
    act(() => fake.emit({ name: 'contacts.changed', payload: { ids: [contactId(10)], reason: 'created' } }));
    expect(await screen.findByText('11 in total')).toBeTruthy();
    expect(within(screen.getByRole('grid')).getByText('Contact 000010')).toBeTruthy();
    stop();
  });
});
