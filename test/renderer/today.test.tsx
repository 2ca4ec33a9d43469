// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TodayView } from '../../shared/followups/followups.schemas.ts';
import type { AmbassadorBridge } from '../../shared/api/result.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { useDesktopReminders } from '../../src-renderer/features/followups/desktop-reminders.ts';
import { emptyToday, followupId, interaction, todayContact, todayItem } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, fullContact } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

let view: TodayView = emptyToday();
beforeEach(() => {
  fake.reset();
  view = emptyToday();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => []);
  fake.handle('followups.today', () => view);
  fake.handle('followups.dueCounts', () => ({ overdue: view.overdue.length, today: view.dueToday.length }));
  resetAppState();
  navigate({ screen: 'today' });
});
afterEach(cleanup);

/** The section under a heading (sections are not named regions: see TodayScreen). */
const section = (name: string) => screen.getByRole('heading', { name }).closest('section') as HTMLElement;

function busyDay(): TodayView {
  return {
    today: '2025-03-02',
    overdue: [todayItem(1, { title: 'Send thank-you note', kind: 'handwritten_note', dueDate: '2025-02-27' }, { displayName: 'Ada Lovelace' })],
    dueToday: [
      todayItem(
        2,
        { title: 'Housewarming gift', kind: 'gift', dueDate: '2025-03-02', dueTime: '09:30', prompt: 'Something for the new garden' },
        {
          displayName: 'Grace Hopper',
          preferredChannel: 'phone',
          preferredTime: 'morning',
          recent: [
            interaction(1, { summary: 'Closing day', reasons: ['closing'] }),
            interaction(2, { kind: 'visit', summary: 'Viewed the house' }),
            interaction(3, { kind: 'email', summary: 'Sent the offer' }),
          ],
        },
      ),
    ],
    upcoming: [todayItem(3, { title: 'Send thank-you note', kind: 'thank_you_call', dueDate: '2025-03-05' }, { displayName: 'Ada Lovelace' })],
    losingTouch: [{ contact: todayContact(4, { displayName: 'Alan Turing', preferredChannel: 'email' }), keepInTouchDays: 30, daysSince: 45 }],
  };
}

describe('the Today screen', () => {
  it('lists Overdue, Today, Upcoming and Losing touch, each item with its contact, what to do, the prompt, their preferences and last three interactions', async () => {
    view = busyDay();
    render(<App />);
    for (const name of ['Overdue', 'Today', 'Upcoming', 'Losing touch']) expect(await screen.findByRole('heading', { name })).toBeTruthy();

    const today = section('Today');
    expect(within(today).getByText('Housewarming gift')).toBeTruthy();
    expect(within(today).getByRole('link', { name: 'Grace Hopper' }).getAttribute('href')).toBe(`#/contacts/${contactId(2)}`);
    expect(within(today).getByText('Something for the new garden')).toBeTruthy();
    expect(within(today).getByText(/Prefers phone, mornings/)).toBeTruthy();
    expect(within(today).getByText(/at 09:30/)).toBeTruthy();
    const recent = within(today).getByRole('list', { name: 'Last interactions with Grace Hopper' });
    expect(within(recent).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Call: Closing day (closing)'),
      expect.stringContaining('Visit: Viewed the house'),
      expect.stringContaining('Email: Sent the offer'),
    ]);
    expect(within(section('Overdue')).getByText('Send thank-you note')).toBeTruthy();
    expect(within(section('Upcoming')).getByText('Send thank-you note')).toBeTruthy();
    expect(within(section('Losing touch')).getByText(/Last in touch 45 days ago/)).toBeTruthy();
    expect(within(section('Losing touch')).getByRole('link', { name: 'Alan Turing' })).toBeTruthy();
  });

  it('gives every item a Mark done and a Snooze whose names are unique on the screen', async () => {
    view = busyDay();
    render(<App />);
    await screen.findByText('Housewarming gift');
    const names = (pattern: RegExp) => screen.getAllByRole('button', { name: pattern }).map((button) => button.getAttribute('aria-label'));
    const markDone = names(/^Mark done/);
    const snooze = names(/^Snooze/);
    expect(markDone).toHaveLength(4);
    expect(snooze).toHaveLength(4);
    expect(new Set(markDone).size).toBe(4);
    expect(new Set(snooze).size).toBe(4);
    expect(markDone).toContain('Mark done: Send thank-you note — Ada Lovelace, due 2025-02-27');
    expect(markDone).toContain('Mark done: Housewarming gift — Grace Hopper');
  });

  it('marks done and snoozes from Today, and the list follows the change events', async () => {
    view = busyDay();
    fake.handle('followups.complete', ({ id }: { id: string }) => {
      const item = view.dueToday[0]!;
      view = { ...view, dueToday: [] };
      return { followup: { ...item.followup, id, status: 'done' }, interaction: interaction(7, { contactId: item.contact.id, kind: 'gift' }), next: null };
    });
    fake.handle('followups.snooze', ({ id, until }: { id: string; until: string }) => ({ ...view.upcoming[0]!.followup, id, dueDate: until }));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Mark done: Housewarming gift — Grace Hopper' }));
    expect(fake.callsTo('followups.complete')).toEqual([{ id: followupId(2) }]);
    expect(await within(section('Today')).findByText('Nothing due today.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Snooze: Send thank-you note — Ada Lovelace, due 2025-03-05' }));
    await user.click(screen.getByRole('button', { name: 'In 3 days' }));
    expect(fake.callsTo('followups.snooze')).toHaveLength(1);
  });

  it('shows an empty state in every section on a quiet day', async () => {
    render(<App />);
    expect(await screen.findByText('Nothing overdue. Well kept.')).toBeTruthy();
    expect(screen.getByText('Nothing due today.')).toBeTruthy();
    expect(screen.getByText('Nothing due in the next 7 days.')).toBeTruthy();
    expect(screen.getByText(/No one is slipping away/)).toBeTruthy();
  });

  it('opens a contact from their name', async () => {
    view = busyDay();
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Housewarming gift');
    await user.click(within(section('Today')).getByRole('link', { name: 'Grace Hopper' }));
    await waitFor(() => expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(2) }));
  });
});

describe('the sidebar’s Today link', () => {
  it('is a link named Today, with how many are overdue or due today beside it, kept current by events', async () => {
    view = busyDay();
    navigate({ screen: 'contacts' });
    render(<App />);
    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect((await within(sections).findByTitle('1 overdue, 1 due today')).textContent).toBe('2');
    // The count sits beside the link: its name stays exactly "Today".
    expect(screen.getByRole('link', { name: 'Today' }).getAttribute('href')).toBe('#/today');

    view = { ...view, overdue: [] };
    await act(async () => {
      fake.emit({ name: 'followups.changed', payload: { ids: [followupId(1)], contactIds: [contactId(1)], reason: 'completed' } });
    });
    expect((await within(sections).findByTitle('0 overdue, 1 due today')).textContent).toBe('1');
  });
});

describe('reminders when follow-ups fall due', () => {
  const due = (missedWhileClosed: boolean, count: number) => ({
    name: 'followups.due' as const,
    payload: {
      missedWhileClosed,
      items: Array.from({ length: count }, (_, n) => ({
        id: followupId(n + 1),
        contactId: contactId(n + 1),
        contactName: `Contact ${n + 1}`,
        kind: 'handwritten_note' as const,
        title: `Note ${n + 1}`,
        dueDate: '2025-03-01',
        dueTime: null,
      })),
    },
  });

  it('shows a notice in the app, with Open per item, and the digest of what fell due while closed', async () => {
    navigate({ screen: 'contacts' });
    const user = userEvent.setup();
    render(<App />);
    act(() => fake.emit(due(true, 3)));
    const notices = await screen.findByRole('status', { name: 'Reminders' });
    expect(within(notices).getByText('While Ambassador was closed, 3 follow-ups fell due')).toBeTruthy();
    expect(within(notices).getAllByRole('button', { name: /^Open/ })).toHaveLength(3);

    act(() => fake.emit(due(false, 1)));
    expect(await within(notices).findByText('1 follow-up is due now')).toBeTruthy();
    await user.click(within(notices).getByRole('button', { name: 'Open Contact 2: Note 2' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(2) });
    await user.click(screen.getByRole('button', { name: 'Dismiss reminders' }));
    expect(screen.queryByRole('status', { name: 'Reminders' })).toBeNull();
  });

  describe('in a browser (no desktop app bridge)', () => {
    const requestPermission = vi.fn(async () => 'granted' as NotificationPermission);
    const shown: { title: string; body?: string | undefined }[] = [];
    let bridge: AmbassadorBridge | undefined;

    beforeEach(() => {
      shown.length = 0;
      requestPermission.mockClear();
      class FakeNotification {
        static permission: NotificationPermission = 'default';
        static requestPermission = async () => {
          const answer = await requestPermission();
          FakeNotification.permission = answer;
          return answer;
        };
        onclick: (() => void) | null = null;
        constructor(title: string, options?: NotificationOptions) {
          shown.push({ title, body: options?.body });
        }
        close() {}
      }
      vi.stubGlobal('Notification', FakeNotification);
      // The api client already holds its transport; only the "are we in the desktop app?" check sees this.
      bridge = window.ambassador;
      delete window.ambassador;
      useDesktopReminders.setState({ permission: 'default' });
    });
    afterEach(() => {
      window.ambassador = bridge;
      vi.unstubAllGlobals();
    });

    it('asks for permission only on a click, then shows desktop notifications too', async () => {
      const user = userEvent.setup();
      render(<App />);
      const turnOn = await screen.findByRole('button', { name: 'Turn on desktop reminders' });
      act(() => fake.emit(due(false, 1)));
      expect(requestPermission).not.toHaveBeenCalled();
      expect(shown).toEqual([]);

      await user.click(turnOn);
      expect(requestPermission).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Turn on desktop reminders' })).toBeNull());
      act(() => fake.emit(due(true, 2)));
      expect(shown).toEqual([{ title: 'While Ambassador was closed, 2 follow-ups fell due', body: 'Note 1 (Contact 1)\nNote 2 (Contact 2)' }]);
      expect(screen.getByText('While Ambassador was closed, 2 follow-ups fell due')).toBeTruthy();
    });
  });

  it('in the desktop app leaves desktop notifications to the main process and offers no browser permission', async () => {
    const constructed = vi.fn();
    vi.stubGlobal('Notification', Object.assign(constructed, { permission: 'granted', requestPermission: vi.fn() }));
    useDesktopReminders.setState(useDesktopReminders.getInitialState());
    try {
      render(<App />);
      await screen.findByText('Nothing due today.');
      expect(screen.queryByRole('button', { name: 'Turn on desktop reminders' })).toBeNull();
      act(() => fake.emit(due(false, 1)));
      expect(await screen.findByText('1 follow-up is due now')).toBeTruthy();
      expect(constructed).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
