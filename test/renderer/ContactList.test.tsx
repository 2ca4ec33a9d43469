// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { ContactList } from '../../src-renderer/features/contacts/ContactList.tsx';
import { rowHeight } from '../../src-renderer/features/contacts/ContactGrid.tsx';
import { useContactList } from '../../src-renderer/features/contacts/contact-list.store.ts';
import { followContactChanges } from '../../src-renderer/features/contacts/follow-contacts.ts';
import { contactId, directoryOf, giveElementsASize, summary } from './fake-bridge.ts';
import { useContactSearch } from '../../src-renderer/features/contacts/contact-search.store.ts';
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

  it('says a full page of hits is the best of more, and a shorter one how many there are', async () => {
    fake.handle('contacts.list', directoryOf(100_000));
    fake.handle('contacts.search', (input) => {
      const count = (input as { query: string }).query === 'grace' ? 50 : 3;
      return Array.from({ length: count }, (_, index) => summary(index));
    });
    render(<ContactList />);
    await screen.findByText('Contact 000000');
    act(() => useContactSearch.getState().setQuery('grace'));
    expect(await screen.findByText('The best 50 found: type more to narrow them')).toBeTruthy();
    act(() => useContactSearch.getState().setQuery('grace hopper'));
    expect(await screen.findByText('3 found')).toBeTruthy();
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

describe('ContactList fetching while the user scrolls', () => {
  /** contacts.list over 100,000 contacts whose answers wait until the test releases them; counts how many were in flight at once. */
  function heldDirectory() {
    const held: (() => void)[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    fake.handle('contacts.list', (input: { offset?: number; limit?: number; withTotal?: boolean }) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const page = directoryOf(100_000)(input);
      return new Promise((resolve) =>
        held.push(() => {
          inFlight--;
          resolve({ ...page, total: input.withTotal === false ? null : page.total });
        }),
      );
    });
    return {
      mostInFlight: () => mostInFlight,
      /** Answers the oldest held request, then lets the store send what that answer makes it send. */
      answerNext: async () => {
        await act(async () => {
          held.shift()?.();
          await new Promise((resolve) => setTimeout(resolve, 0));
        });
      },
      waiting: () => held.length,
    };
  }

  const scrollTo = async (row: number) => {
    const scroller = screen.getByTestId('contact-grid-scroll');
    await act(async () => {
      scroller.scrollTop = row * rowHeight;
      fireEvent.scroll(scroller);
    });
  };

  it('asks only for the window on screen once the request in flight answers, skipping the pages scrolled past', async () => {
    const core = heldDirectory();
    render(<ContactList />);
    await core.answerNext();
    expect(await screen.findByText('Contact 000000')).toBeTruthy();

    // A fling down the list: each step is a new window on screen while the first request is still out.
    for (const row of [1_050, 2_050, 3_050, 4_050, 5_050, 6_050, 7_050, 8_050, 9_050, 10_050]) await scrollTo(row);
    expect(listOffsets()).toEqual([0, 1_000]);
    while (core.waiting() > 0) await core.answerNext();

    expect(listOffsets()).toEqual([0, 1_000, 10_000]);
    expect(core.mostInFlight()).toBe(1);
    expect(await screen.findByText('Contact 010050')).toBeTruthy();
    expect(screen.getByText('100,000 in total')).toBeTruthy();
  });

  it('counts the total with the first window only, and again once contacts change', async () => {
    const core = heldDirectory();
    const stop = followContactChanges();
    render(<ContactList />);
    await core.answerNext();
    await scrollTo(40_050);
    await core.answerNext();
    await scrollTo(80_050);
    await core.answerNext();
    expect(await screen.findByText('Contact 080050')).toBeTruthy();
    expect(screen.getByText('100,000 in total')).toBeTruthy();

    act(() => fake.emit({ name: 'contacts.changed', payload: { ids: [contactId(3)], reason: 'updated' } }));
    await waitFor(() => expect(core.waiting()).toBe(1));
    await core.answerNext();
    await scrollTo(20_050);
    await core.answerNext();
    expect(await screen.findByText('Contact 020050')).toBeTruthy();

    const asked = fake.callsTo<{ offset: number; withTotal: boolean }>('contacts.list').map((input) => [input.offset, input.withTotal]);
    expect(asked).toEqual([
      [0, true],
      [40_000, false],
      [80_000, false],
      [80_000, true],
      [20_000, false],
    ]);
    stop();
  });

  it('loads the tags once, however often the list is shown, and again after contacts change', async () => {
    fake.handle('contacts.list', directoryOf(100));
    const stop = followContactChanges();
    const first = render(<ContactList />);
    await screen.findByText('Contact 000000');
    await waitFor(() => expect(fake.callsTo('tags.list')).toHaveLength(1));
    first.unmount();
    const second = render(<ContactList />);
    await screen.findByText('Contact 000000');
    expect(fake.callsTo('tags.list')).toHaveLength(1);

    act(() => fake.emit({ name: 'contacts.changed', payload: { ids: [contactId(3)], reason: 'updated' } }));
    await waitFor(() => expect(fake.callsTo('tags.list')).toHaveLength(2));

    // Changed while the list is not shown: loaded when it shows again, not before.
    second.unmount();
    act(() => fake.emit({ name: 'contacts.changed', payload: { ids: [contactId(4)], reason: 'updated' } }));
    await waitFor(() => expect(useContactList.getState().tagsWanted).toBe(true));
    expect(fake.callsTo('tags.list')).toHaveLength(2);
    render(<ContactList />);
    await waitFor(() => expect(fake.callsTo('tags.list')).toHaveLength(3));
    stop();
  });
});
