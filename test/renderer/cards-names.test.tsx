// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { followup } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { dayWithCards } from './cards-fixtures.ts';
import { contactId, directoryOf, fullContact } from './fake-bridge.ts';

// The names issue 10 checks from outside, matched the way Playwright's getByRole does:
// by default a case-insensitive substring of the accessible name, with `exact` the whole name.
const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const playwrightName = (wanted: string, { exact = false } = {}) => (name: string) =>
  exact ? name === wanted : name.replace(/\s+/g, ' ').toLowerCase().includes(wanted.toLowerCase());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => [followup(1, { title: 'Handwritten thank-you note' }), followup(2, { title: 'Call about the move', kind: 'call' })]);
  fake.handle('followups.today', () => dayWithCards());
  fake.handle('followups.dueCounts', () => ({ overdue: 0, today: 2 }));
  resetAppState();
});
afterEach(cleanup);

describe('the note cards’ and calendar’s names', () => {
  it('Today has "Print card" on its one due note, "Print all due cards" and "Export calendar", found exactly and by Playwright’s default match', async () => {
    navigate({ screen: 'today' });
    render(<App />);
    await screen.findByText('Housewarming gift');
    for (const name of ['Print card', 'Print all due cards', 'Export calendar']) {
      expect(screen.getByRole('button', { name: playwrightName(name, { exact: true }) }).textContent).toBe(name);
    }
    // "Print all due cards" does not contain "print card": the default match finds the one Print card only.
    expect(screen.getAllByRole('button', { name: playwrightName('Print card') })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: playwrightName('Export calendar') })).toHaveLength(1);
  });

  it('with several cards on the screen every Print card is named exactly "Print card", each described by what it prints', async () => {
    fake.handle('followups.today', () => dayWithCards({ cardComingUp: true }));
    navigate({ screen: 'today' });
    render(<App />);
    await screen.findByText('Anniversary card');
    const found = screen.getAllByRole('button', { name: playwrightName('Print card', { exact: true }) });
    expect(found.map((button) => button.textContent)).toEqual(['Print card', 'Print card']);
    expect(new Set(found.map((button) => button.getAttribute('title'))).size).toBe(2);
  });

  it('the contact page has "Print card" on its note and "Export calendar for" the contact', async () => {
    navigate({ screen: 'contact', id: contactId(1) });
    render(<App />);
    const followups = await screen.findByRole('region', { name: 'Follow-ups' });
    await within(followups).findByText('Call about the move');
    expect(within(followups).getByRole('button', { name: playwrightName('Print card', { exact: true }) })).toBeTruthy();
    expect(within(followups).getByRole('button', { name: playwrightName('Export calendar') }).getAttribute('aria-label')).toBe('Export calendar for Ada Lovelace');
  });
});
