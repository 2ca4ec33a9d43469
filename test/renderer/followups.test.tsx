// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Followup, NewFollowup } from '../../shared/followups/followups.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { addDays, nextMonday, todayLocal } from '../../src-renderer/ui/dates.ts';
import { followup, followupId, interaction } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, Fail, fullContact } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

/** Open follow-ups held like the core holds them. */
function followupsOf(initial: Followup[]) {
  let stored = [...initial];
  fake.handle('followups.list', ({ status }: { status?: string }) => stored.filter((item) => !status || item.status === status));
  fake.handle('followups.create', (input: NewFollowup) => {
    const created = followup(stored.length + 50, { ...input, dueTime: input.dueTime ?? null, prompt: input.prompt ?? '', recurrence: input.recurrence ?? null });
    stored.push(created);
    return created;
  });
  fake.handle('followups.complete', ({ id }: { id: string }) => {
    const done = { ...stored.find((item) => item.id === id)!, status: 'done' as const, completedAt: '2025-03-02T10:00:00.000Z' };
    stored = stored.map((item) => (item.id === id ? done : item));
    return { followup: done, interaction: interaction(9, { kind: 'handwritten_note', followupId: id }), next: null };
  });
  fake.handle('followups.snooze', ({ id, until }: { id: string; until: string }) => {
    const snoozed = { ...stored.find((item) => item.id === id)!, dueDate: until };
    stored = stored.map((item) => (item.id === id ? snoozed : item));
    return snoozed;
  });
}

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

const followups = () => screen.getByRole('region', { name: 'Follow-ups' });

describe('Follow-ups on the contact page', () => {
  it('adds a handwritten note: a type, a suggested title, a due date typed as YYYY-MM-DD, a prompt', async () => {
    followupsOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Add follow-up' }));

    const type = screen.getByRole('combobox', { name: 'Follow-up type' });
    const options = within(type).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Handwritten note', 'Card', 'Thank-you call', 'Gift', 'Call', 'Email', 'Text message', 'Visit', 'Other']);
    expect((screen.getByRole('textbox', { name: 'Due date' }) as HTMLInputElement).value).toBe(todayLocal());
    await user.selectOptions(type, 'Thank-you call');
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Call Ada to say thank you');
    await user.selectOptions(type, 'Handwritten note');
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Write a note to Ada');
    const due = screen.getByRole('textbox', { name: 'Due date' });
    await user.clear(due);
    await user.type(due, '2025-03-04');
    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'Thank her for the referral');
    await user.click(screen.getByRole('button', { name: 'Save follow-up' }));

    await waitFor(() => expect(fake.callsTo('followups.create')).toHaveLength(1));
    expect(fake.callsTo('followups.create')[0]).toEqual({
      contactId: contactId(1),
      kind: 'handwritten_note',
      title: 'Write a note to Ada',
      dueDate: '2025-03-04',
      dueTime: null,
      prompt: 'Thank her for the referral',
      recurrence: null,
    });
    expect(await within(followups()).findByText('Write a note to Ada')).toBeTruthy();
    expect(within(followups()).getByText('Thank her for the referral')).toBeTruthy();
  });

  it('shows the core’s word on a day that does not exist beside Due date', async () => {
    followupsOf([]);
    fake.handle('followups.create', () => {
      throw new Fail({ code: 'VALIDATION', message: 'Check the form.', details: { fields: [{ path: 'dueDate', message: 'That day does not exist in that month.' }] } });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Add follow-up' }));
    const due = screen.getByRole('textbox', { name: 'Due date' });
    await user.clear(due);
    await user.type(due, '2025-02-30');
    await user.click(screen.getByRole('button', { name: 'Save follow-up' }));
    expect(await screen.findByText('That day does not exist in that month.')).toBeTruthy();
    expect(due.getAttribute('aria-invalid')).toBe('true');
  });

  it('opens one quick form at a time', async () => {
    followupsOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Add follow-up' }));
    await user.click(screen.getByRole('button', { name: 'Log interaction' }));
    expect(screen.queryByRole('button', { name: 'Save follow-up' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save interaction' })).toBeTruthy();
  });

  it('marks one done and snoozes another to tomorrow, each by a name of its own', async () => {
    followupsOf([followup(1, { title: 'Send a card', dueDate: '2025-03-01' }), followup(2, { title: 'Send a card', dueDate: '2025-03-09' }), followup(3, { title: 'Call about the closing' })]);
    const user = userEvent.setup();
    render(<App />);
    await within(await screen.findByRole('region', { name: 'Follow-ups' })).findByText('Call about the closing');
    const markDone = within(followups()).getAllByRole('button', { name: /^Mark done/ }).map((button) => button.getAttribute('aria-label'));
    expect(markDone).toEqual(['Mark done: Send a card, due 2025-03-01', 'Mark done: Call about the closing', 'Mark done: Send a card, due 2025-03-09']);

    await user.click(screen.getByRole('button', { name: 'Mark done: Send a card, due 2025-03-01' }));
    await waitFor(() => expect(fake.callsTo('followups.complete')).toEqual([{ id: followupId(1) }]));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark done: Send a card, due 2025-03-01' })).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Snooze: Call about the closing' }));
    await user.click(screen.getByRole('button', { name: 'Tomorrow' }));
    expect(fake.callsTo('followups.snooze')).toEqual([{ id: followupId(3), until: addDays(todayLocal(), 1) }]);
    expect(await screen.findByText(/Snoozed until/)).toBeTruthy();
  });

  it('snoozes to next week or to a day picked by hand', async () => {
    followupsOf([followup(1, { title: 'Bring flowers' })]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Snooze: Bring flowers' }));
    expect(within(followups()).getAllByRole('button').map((button) => button.textContent)).toEqual(
      expect.arrayContaining(['Tomorrow', 'In 3 days', 'Next week', 'Pick a day…']),
    );
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await user.click(screen.getByRole('button', { name: 'Snooze: Bring flowers' }));
    await user.click(screen.getByRole('button', { name: 'Pick a day…' }));
    await user.type(screen.getByLabelText('Snooze until'), '2030-01-15');
    await user.click(screen.getByRole('button', { name: 'Snooze to that day' }));
    expect(fake.callsTo('followups.snooze')).toEqual([
      { id: followupId(1), until: nextMonday(todayLocal()) },
      { id: followupId(1), until: '2030-01-15' },
    ]);
  });
});

describe('local dates', () => {
  it('counts next week from Monday, never today', () => {
    expect(nextMonday('2026-11-30')).toBe('2026-12-07');
    expect(nextMonday('2026-12-02')).toBe('2026-12-07');
    expect(nextMonday('2026-12-06')).toBe('2026-12-07');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
