// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { localDateOf } from '../../src-renderer/ui/dates.ts';
import { emptyToday, followup } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { dayWithCards } from './cards-fixtures.ts';
import { contactId, directoryOf, Fail, fullContact } from './fake-bridge.ts';

// The desktop app: Export calendar asks the native save dialog where to write, and the core writes there.
const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const chosen = '/Users/ada/Desktop/followups.ics';
const calendarFile = (events: number, to = chosen) => ({ path: to, fileName: to.split('/').pop()!, events, sizeBytes: 2048 });

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => [followup(1, { title: 'Handwritten thank-you note' })]);
  fake.handle('followups.today', () => dayWithCards());
  fake.handle('followups.dueCounts', () => ({ overdue: 0, today: 2 }));
  resetAppState();
  navigate({ screen: 'today' });
});
afterEach(cleanup);

describe('Export calendar in the desktop app', () => {
  it('asks where to save an .ics file, has the core write it there, and says how many follow-ups went in', async () => {
    fake.dialogs.save = chosen;
    fake.handle('followups.exportCalendar', ({ to }: { to: string }) => calendarFile(12, to));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Export calendar' }));

    expect(await screen.findByText('Exported 12 follow-ups to your calendar file')).toBeTruthy();
    expect(fake.dialogs.asked).toEqual([
      {
        dialog: 'save',
        choice: { title: 'Export calendar', extensions: ['ics'], typeName: 'Calendar files', suggestedName: `Ambassador-followups-${localDateOf(new Date())}.ics` },
      },
    ]);
    expect(fake.callsTo('followups.exportCalendar')).toEqual([{ to: chosen }]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    fake.dialogs.save = null;
    fake.handle('followups.exportCalendar', () => calendarFile(1));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Export calendar' }));
    await vi.waitFor(() => expect(fake.dialogs.asked).toHaveLength(1));
    expect(fake.callsTo('followups.exportCalendar')).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the core’s reason when the file cannot be written, until the next try', async () => {
    fake.dialogs.save = chosen;
    fake.handle('followups.exportCalendar', () => {
      throw new Fail({ code: 'INTERNAL', message: 'Not built yet.' });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Export calendar' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The calendar was not exported: Not built yet.');

    fake.handle('followups.exportCalendar', () => calendarFile(1));
    await user.click(screen.getByRole('button', { name: 'Export calendar' }));
    expect(await screen.findByText('Exported 1 follow-up to your calendar file')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on a contact’s page exports only that contact’s follow-ups', async () => {
    fake.dialogs.save = chosen;
    fake.handle('followups.exportCalendar', ({ to }: { to: string }) => calendarFile(3, to));
    navigate({ screen: 'contact', id: contactId(1) });
    const user = userEvent.setup();
    render(<App />);
    const followups = await screen.findByRole('region', { name: 'Follow-ups' });
    await user.click(await within(followups).findByRole('button', { name: 'Export calendar for Ada Lovelace' }));
    expect(await screen.findByText('Exported 3 follow-ups to your calendar file')).toBeTruthy();
    expect(fake.callsTo('followups.exportCalendar')).toEqual([{ contactId: contactId(1), to: chosen }]);
  });

  it('is not offered on a contact’s page with nothing planned', async () => {
    fake.handle('followups.list', () => []);
    fake.handle('followups.today', () => emptyToday());
    navigate({ screen: 'contact', id: contactId(1) });
    render(<App />);
    const followups = await screen.findByRole('region', { name: 'Follow-ups' });
    await within(followups).findByText(/Nothing planned/);
    expect(within(followups).queryByRole('button', { name: /Export calendar/ })).toBeNull();
  });
});
