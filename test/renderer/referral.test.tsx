// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Interaction, LogInteraction } from '../../shared/history/history.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { interaction, interactionId } from './activity-fixtures.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, fullContact, summary } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const names: Record<string, string> = { [contactId(1)]: 'Ada Lovelace', [contactId(2)]: 'Bea Brown' };

function historyOf(initial: Interaction[]) {
  const stored = [...initial];
  fake.handle('history.timeline', () => ({ items: [...stored].reverse(), nextCursor: null, total: stored.length }));
  fake.handle('history.log', (input: LogInteraction) => {
    const logged = interaction(stored.length + 100, { ...input, id: interactionId(stored.length + 100), minutes: input.minutes ?? 10 });
    stored.push(logged);
    return logged;
  });
}

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id, displayName: names[id] ?? 'Someone else' }));
  fake.handle('contacts.search', () => [summary(1, { displayName: 'Ada Lovelace' }), summary(2, { displayName: 'Bea Brown' })]);
  fake.handle('followups.list', () => []);
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

const history = () => screen.getByRole('region', { name: 'History' });

describe('A referral names the contact who referred', () => {
  it('offers "Referred by" only for a referral, picks a contact with the keys, and saves its id', async () => {
    historyOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Log interaction' }));
    expect(screen.queryByRole('combobox', { name: 'Referred by' })).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'referral');
    await user.type(screen.getByRole('combobox', { name: 'Referred by' }), 'b');
    // The contact the entry is for is not offered: they did not refer themselves.
    expect(await screen.findByRole('option', { name: 'Bea Brown' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: 'Ada Lovelace' })).toBeNull();
    await user.keyboard('{ArrowDown}{Enter}');
    expect((screen.getByRole('combobox', { name: 'Referred by' }) as HTMLInputElement).value).toBe('Bea Brown');

    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Sent us her neighbour');
    await user.click(screen.getByRole('button', { name: 'Save interaction' }));
    await waitFor(() => expect(fake.callsTo<LogInteraction>('history.log')).toHaveLength(1));
    expect(fake.callsTo<LogInteraction>('history.log')[0]).toMatchObject({ kind: 'referral', referredById: contactId(2) });
    expect(await within(history()).findByText('Referred by Bea Brown')).toBeTruthy();
  });

  it('asks to pick from the list when a name was only typed, and sends no referrer for other kinds', async () => {
    historyOf([]);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Log interaction' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'referral');
    await user.type(screen.getByRole('combobox', { name: 'Referred by' }), 'Nobody we know');
    await user.click(screen.getByRole('button', { name: 'Save interaction' }));
    expect(await screen.findByText('Choose who referred them from the list, or clear the name.')).toBeTruthy();
    expect(fake.callsTo('history.log')).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'call');
    await user.click(screen.getByRole('button', { name: 'Save interaction' }));
    await waitFor(() => expect(fake.callsTo<LogInteraction>('history.log')).toHaveLength(1));
    expect(fake.callsTo<LogInteraction>('history.log')[0]).toMatchObject({ kind: 'call', referredById: null });
  });

  it('shows who referred on the timeline, and their new name after a rename', async () => {
    historyOf([interaction(1, { kind: 'referral', summary: 'Came through Bea', referredById: contactId(2) })]);
    render(<App />);
    expect(await within(await screen.findByRole('region', { name: 'History' })).findByText('Referred by Bea Brown')).toBeTruthy();

    names[contactId(2)] = 'Bea Green';
    act(() => fake.emit({ name: 'contacts.changed', payload: { ids: [contactId(2)], reason: 'updated' } }));
    expect(await within(history()).findByText('Referred by Bea Green')).toBeTruthy();
    names[contactId(2)] = 'Bea Brown';
  });
});
