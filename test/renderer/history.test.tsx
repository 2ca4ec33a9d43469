// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Interaction, LogInteraction } from '../../shared/history/history.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { localDateOf } from '../../src-renderer/ui/dates.ts';
import { interaction, interactionId } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, Fail, fullContact } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

/** A contact's history held like the core holds it: newest first, paged by cursor. */
function historyOf(initial: Interaction[]) {
  const stored = [...initial];
  fake.handle('history.timeline', ({ cursor, limit }: { cursor?: string; limit?: number }) => {
    const sorted = [...stored].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    const start = cursor ? Number(cursor) : 0;
    const end = start + (limit ?? 50);
    return { items: sorted.slice(start, end), nextCursor: end < sorted.length ? String(end) : null, total: sorted.length };
  });
  fake.handle('history.log', (input: LogInteraction) => {
    const logged = interaction(stored.length + 100, { ...input, id: interactionId(stored.length + 100), minutes: input.minutes ?? 10 });
    stored.push(logged);
    return logged;
  });
  return stored;
}

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id, preferredChannel: 'phone' }));
  fake.handle('followups.list', () => []);
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

const history = () => screen.getByRole('region', { name: 'History' });

describe('History on the contact page', () => {
  it('logs a call with a reason in a few keystrokes, with today, outbound and their preferred channel as defaults, and shows it', async () => {
    historyOf([interaction(1, { summary: 'Asked for a quote' })]);
    const user = userEvent.setup();
    render(<App />);
    expect(await within(await screen.findByRole('region', { name: 'History' })).findByText('Asked for a quote')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Log interaction' }));
    expect((screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value).toBe('call');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe(localDateOf(new Date()));
    expect((screen.getByRole('combobox', { name: 'Direction' }) as HTMLSelectElement).value).toBe('outbound');
    expect((screen.getByRole('combobox', { name: 'Channel' }) as HTMLSelectElement).value).toBe('phone');
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Called about the renewal');
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'asked about rates, renewal ,');
    const before = Date.now();
    await user.click(screen.getByRole('button', { name: 'Save interaction' }));

    await waitFor(() => expect(fake.callsTo('history.log')).toHaveLength(1));
    const [sent] = fake.callsTo<LogInteraction>('history.log');
    expect(sent).toMatchObject({ contactId: contactId(1), kind: 'call', direction: 'outbound', channel: 'phone', summary: 'Called about the renewal', reasons: ['asked about rates', 'renewal'], minutes: null, costCents: 0 });
    // Today: the moment it was saved.
    expect(Math.abs(Date.parse(sent!.occurredAt) - before)).toBeLessThan(60_000);
    // The write's own event brings it onto the timeline, newest first.
    const entry = await within(history()).findByText('Called about the renewal');
    const entries = within(history()).getAllByRole('listitem');
    expect(entries[0]?.contains(entry)).toBe(true);
    expect(within(entries[0]!).getByText('asked about rates')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save interaction' })).toBeNull();
  });

  it('logs on an earlier day at the current time of day', async () => {
    historyOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Log interaction' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Handwritten note');
    const date = screen.getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2025-02-14');
    await user.click(screen.getByRole('button', { name: 'Save interaction' }));

    await waitFor(() => expect(fake.callsTo('history.log')).toHaveLength(1));
    const [sent] = fake.callsTo<LogInteraction>('history.log');
    expect(sent?.kind).toBe('handwritten_note');
    expect(localDateOf(new Date(sent!.occurredAt))).toBe('2025-02-14');
  });

  it('shows the core’s refusal beside the field it names, and keeps what was typed', async () => {
    historyOf([]);
    fake.handle('history.log', () => {
      throw new Fail({ code: 'VALIDATION', message: 'Check the form.', details: { fields: [{ path: 'summary', message: 'Keep the summary under 5,000 characters.' }] } });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Log interaction' }));
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Too long');
    await user.click(screen.getByRole('button', { name: 'Save interaction' }));

    expect(await screen.findByText('Keep the summary under 5,000 characters.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Summary' }).getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('textbox', { name: 'Summary' }) as HTMLInputElement).value).toBe('Too long');
  });

  it('pages with Show more, newest first', async () => {
    historyOf(Array.from({ length: 45 }, (_, n) => interaction(n + 1)));
    const user = userEvent.setup();
    render(<App />);
    await within(await screen.findByRole('region', { name: 'History' })).findByText('Talk number 1');
    expect(within(history()).getAllByRole('listitem')).toHaveLength(20);
    expect(within(history()).getByText('45')).toBeTruthy();

    await user.click(within(history()).getByRole('button', { name: 'Show more (25 older)' }));
    await within(history()).findByText('Talk number 40');
    await user.click(within(history()).getByRole('button', { name: 'Show more (5 older)' }));
    await within(history()).findByText('Talk number 45');
    const summaries = within(history()).getAllByRole('listitem').map((item) => item.querySelector('.timeline-summary')?.textContent);
    expect(summaries).toEqual(Array.from({ length: 45 }, (_, n) => `Talk number ${n + 1}`));
    expect(within(history()).queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('removes an entry from the timeline, and Undo brings it back', async () => {
    const stored = historyOf([interaction(1, { summary: 'Asked for a quote' }), interaction(2, { summary: 'Sent the brochure' })]);
    const deletedAt = '2026-12-02T08:00:00.000Z';
    fake.handle('history.delete', ({ id }: { id: string }) => {
      const entry = stored.splice(stored.findIndex((item) => item.id === id), 1)[0]!;
      return { ...entry, deletedAt };
    });
    fake.handle('history.restore', ({ id }: { id: string }) => {
      const entry = interaction(1, { id, summary: 'Asked for a quote' });
      stored.push(entry);
      return entry;
    });
    const user = userEvent.setup();
    render(<App />);
    const entry = (await within(await screen.findByRole('region', { name: 'History' })).findByText('Asked for a quote')).closest('li')!;

    await user.click(within(entry).getByRole('button', { name: /^Remove entry of / }));
    expect(fake.callsTo('history.delete')).toEqual([{ id: interaction(1).id }]);
    await waitFor(() => expect(within(history()).queryByText('Asked for a quote')).toBeNull());
    expect(within(history()).getByText('Sent the brochure')).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(fake.callsTo('history.restore')).toEqual([{ id: interaction(1).id }]);
    expect(await within(history()).findByText('Asked for a quote')).toBeTruthy();
  });

  it('edits an entry in place, sending what it started from, and keeps its time when the day stays', async () => {
    const original = interaction(1, { summary: 'Asked for a quote', reasons: ['rates'] });
    historyOf([original]);
    fake.handle('history.update', ({ id, fields }: { id: string; fields: LogInteraction }) => ({ ...original, ...fields, id }));
    const user = userEvent.setup();
    render(<App />);
    const entry = (await within(await screen.findByRole('region', { name: 'History' })).findByText('Asked for a quote')).closest('li')!;

    await user.click(within(entry).getByRole('button', { name: /^Edit entry of / }));
    const form = screen.getByRole('form', { name: 'Edit an entry' });
    expect((within(form).getByRole('textbox', { name: 'Reason' }) as HTMLInputElement).value).toBe('rates');
    const summary = within(form).getByRole('textbox', { name: 'Summary' });
    await user.clear(summary);
    await user.type(summary, 'Asked for a quote on the renewal');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(fake.callsTo('history.update')).toEqual([
      expect.objectContaining({
        id: original.id,
        expectedUpdatedAt: original.updatedAt,
        fields: expect.objectContaining({ summary: 'Asked for a quote on the renewal', occurredAt: original.occurredAt, reasons: ['rates'] }),
      }),
    ]);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit an entry' })).toBeNull());
  });

  it('says so when nothing is logged yet, and offers no Log interaction on a contact in the Trash', async () => {
    historyOf([]);
    render(<App />);
    expect(await screen.findByText(/Nothing logged yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log interaction' })).toBeTruthy();

    cleanup();
    fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id, deletedAt: '2025-04-01T08:00:00.000Z' }));
    render(<App />);
    await screen.findByText('This contact is in the Trash.');
    expect(screen.getByRole('heading', { name: 'History' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Log interaction' })).toBeNull();
  });
});
