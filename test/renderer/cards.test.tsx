// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Followup, TodayView } from '../../shared/followups/followups.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { emptyToday, followup, followupId } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { adaCard, dayWithCards, noteCard } from './cards-fixtures.ts';
import { contactId, directoryOf, Fail, fullContact } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

let view: TodayView = emptyToday();
let open: Followup[] = [];
beforeEach(() => {
  fake.reset();
  view = emptyToday();
  open = [];
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => open);
  fake.handle('followups.today', () => view);
  fake.handle('followups.dueCounts', () => ({ overdue: view.overdue.length, today: view.dueToday.length }));
  resetAppState();
  navigate({ screen: 'today' });
});
afterEach(cleanup);

const preview = () => screen.findByRole('dialog', { name: 'Print preview' });

describe('Print card', () => {
  it('shows the card’s filled prompt and, on the next sheet, the envelope with the postal address', async () => {
    view = dayWithCards();
    fake.handle('followups.cards', () => [adaCard()]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Print card' }));

    const dialog = await preview();
    expect(fake.callsTo('followups.cards')).toEqual([{ ids: [followupId(1)] }]);
    const card = within(dialog).getByRole('article', { name: 'Card for Ada Lovelace' });
    expect(within(card).getByText('Dear Ada, welcome to your new home on Marylebone Road!')).toBeTruthy();
    const envelope = within(card).getByLabelText('Envelope for Ada Lovelace');
    expect([...envelope.querySelectorAll('.envelope-line')].map((line) => line.textContent)).toEqual([
      'Ada Lovelace',
      '12 Marylebone Road',
      'London NW1 5LR',
      'United Kingdom',
    ]);
    // The envelope is its own sheet after the card's: each prints as its own page.
    expect([...card.querySelectorAll('.print-sheet')].map((sheet) => sheet.className)).toEqual(['print-sheet print-card', 'print-sheet print-envelope']);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Print card' }));
  });

  it('says when there is no postal address, links to the contact’s page, and prints no envelope', async () => {
    view = dayWithCards();
    fake.handle('followups.cards', () => [{ ...adaCard(), envelope: null }]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Print card' }));

    const dialog = await preview();
    await within(dialog).findByText('Dear Ada, welcome to your new home on Marylebone Road!');
    expect(within(dialog).getByText(/^No postal address for Ada Lovelace — add one on/)).toBeTruthy();
    expect(dialog.querySelectorAll('.print-envelope')).toHaveLength(0);
    await user.click(within(dialog).getByRole('link', { name: 'their page' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(1) });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Print calls window.print (stubbed: jsdom has no printing) and the preview stays open', async () => {
    view = dayWithCards();
    fake.handle('followups.cards', () => [adaCard()]);
    const print = vi.fn();
    vi.stubGlobal('print', print);
    try {
      const user = userEvent.setup();
      render(<App />);
      await user.click(await screen.findByRole('button', { name: 'Print card' }));
      const dialog = await preview();
      await within(dialog).findByText('Dear Ada, welcome to your new home on Marylebone Road!');
      await user.click(within(dialog).getByRole('button', { name: 'Print' }));
      expect(print).toHaveBeenCalledTimes(1);
      expect(screen.getByRole('dialog', { name: 'Print preview' })).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is offered only on handwritten notes and cards, and with several on the screen each describes its follow-up', async () => {
    view = dayWithCards({ cardComingUp: true });
    fake.handle('followups.cards', ({ ids }: { ids: string[] }) => ids.map((id) => noteCard(3, { followupId: id, kind: 'card', contactName: 'Alan Turing' })));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Housewarming gift');
    const buttons = screen.getAllByRole('button', { name: 'Print card' });
    expect(buttons.map((button) => button.getAttribute('title'))).toEqual(['Print card: Handwritten thank-you note — Ada Lovelace', 'Print card: Anniversary card — Alan Turing']);

    await user.click(screen.getByRole('button', { name: 'Print card', description: 'Print card: Anniversary card — Alan Turing' }));
    expect(fake.callsTo('followups.cards')).toEqual([{ ids: [followupId(3)] }]);
    expect(await within(await preview()).findByRole('article', { name: 'Card for Alan Turing' })).toBeTruthy();
  });

  it('shows the core’s reason when the cards cannot be made', async () => {
    view = dayWithCards();
    fake.handle('followups.cards', () => {
      throw new Fail({ code: 'INTERNAL', message: 'Not built yet.' });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Print card' }));
    expect((await within(await preview()).findByRole('alert')).textContent).toBe('The cards could not be made: Not built yet.');
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Print' }).hasAttribute('disabled')).toBe(true);
  });

  it('is on the contact page’s follow-ups too, and Escape closes the preview', async () => {
    open = [
      followup(1, { title: 'Handwritten thank-you note', kind: 'handwritten_note', prompt: 'Dear Ada' }),
      followup(2, { title: 'Call about the move', kind: 'call' }),
    ];
    fake.handle('followups.cards', () => [adaCard()]);
    navigate({ screen: 'contact', id: contactId(1) });
    const user = userEvent.setup();
    render(<App />);
    const followups = await screen.findByRole('region', { name: 'Follow-ups' });
    await within(followups).findByText('Call about the move');
    expect(within(followups).getAllByRole('button', { name: /Print card/ })).toHaveLength(1);
    await user.click(within(followups).getByRole('button', { name: 'Print card' }));
    expect(fake.callsTo('followups.cards')).toEqual([{ ids: [followupId(1)] }]);
    await within(await preview()).findByText('Dear Ada, welcome to your new home on Marylebone Road!');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('Print all due cards', () => {
  it('shows every due card, each with its envelope, in one preview', async () => {
    view = dayWithCards();
    fake.handle('followups.cards', () => [adaCard(), noteCard(4, { contactName: 'Grace Hopper', kind: 'card', prompt: 'Happy anniversary, Grace!' }), noteCard(5, { envelope: null })]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Print all due cards' }));

    const dialog = await preview();
    expect(fake.callsTo('followups.cards')).toEqual([{ due: true }]);
    await within(dialog).findByText('Happy anniversary, Grace!');
    expect(within(dialog).getAllByRole('article').map((card) => card.getAttribute('aria-label'))).toEqual(['Card for Ada Lovelace', 'Card for Grace Hopper', 'Card for Contact 5']);
    expect(dialog.querySelectorAll('.print-card')).toHaveLength(3);
    expect(dialog.querySelectorAll('.print-envelope')).toHaveLength(2);
    expect(within(dialog).getByText(/^3 cards, each with its envelope/)).toBeTruthy();
  });

  it('is disabled, saying why, when no card or note is due; and says so if none is left by the time it asks', async () => {
    view = { ...dayWithCards(), dueToday: dayWithCards().dueToday.slice(1) };
    render(<App />);
    await screen.findByText('Housewarming gift');
    const button = screen.getByRole('button', { name: 'Print all due cards' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('no-cards-due');
    expect(document.getElementById('no-cards-due')?.textContent).toBe('No cards due');

    cleanup();
    view = dayWithCards();
    fake.handle('followups.cards', () => []);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Print all due cards' }));
    expect(await within(await preview()).findByText('No cards or handwritten notes are due today or overdue.')).toBeTruthy();
  });
});
