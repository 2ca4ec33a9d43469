// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { useDrafts } from '../../src-renderer/features/contacts/drafts.store.ts';
import { contactId, directoryOf, fullContact } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

describe('ContactPage in the app shell', () => {
  it('moves a contact to Trash, returns to the list and can undo', async () => {
    fake.handle('contacts.delete', ({ id }: { id: string }) => fullContact({ id, deletedAt: '2025-04-01T08:00:00.000Z' }));
    fake.handle('contacts.restore', ({ id }: { id: string }) => fullContact({ id }));
    const user = userEvent.setup();
    render(<App />);

    await user.click(await screen.findByRole('button', { name: 'Delete' }));

    expect(fake.callsTo('contacts.delete')).toEqual([{ id: contactId(1) }]);
    expect(await screen.findByText('Moved Ada Lovelace to Trash')).toBeTruthy();
    expect(useNavigation.getState().route).toEqual({ screen: 'contacts' });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.callsTo('contacts.restore')).toEqual([{ id: contactId(1) }]));
  });

  it('leaves the form with Esc, and Ctrl+N starts a new contact', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('First name');

    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'New contact' })).toBeTruthy();
    await user.keyboard('{Control>}n{/Control}');
    expect(useNavigation.getState().route).toEqual({ screen: 'new-contact' });
    expect(await screen.findByRole('heading', { name: 'New contact' })).toBeTruthy();
  });

  it('offers the sections by name, with Trash as a link', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('link', { name: 'Trash' }));
    await waitFor(() => expect(useNavigation.getState().route).toEqual({ screen: 'trash' }));
    expect(screen.getByRole('link', { name: 'Today' }).getAttribute('href')).toBe('#/today');
    expect(screen.getByRole('link', { name: 'Insights' }).getAttribute('href')).toBe('#/insights');
  });
});

const notes = () => screen.getByLabelText('Notes', { exact: true }) as HTMLTextAreaElement;
const firstName = () => screen.getByLabelText('First name', { exact: true }) as HTMLInputElement;

describe('leaving a form with unsaved edits keeps them', () => {
  const ways: [string, (user: ReturnType<typeof userEvent.setup>) => Promise<void>][] = [
    ['Esc', (user) => user.keyboard('{Escape}')],
    ['Ctrl+N', (user) => user.keyboard('{Control>}n{/Control}')],
    ['the back link', (user) => user.click(screen.getByRole('link', { name: /Back to the list/ }))],
    ['the Trash link', (user) => user.click(screen.getByRole('link', { name: 'Trash' }))],
  ];

  for (const [way, leave] of ways) {
    it(`by ${way}: says so, and reopening the contact restores the draft`, async () => {
      fake.handle('contacts.trash', () => ({ items: [], total: 0 }));
      const user = userEvent.setup();
      render(<App />);
      await user.type(await screen.findByLabelText('Notes', { exact: true }), 'Call after the closing.');

      await leave(user);
      await waitFor(() => expect(useNavigation.getState().route.screen).not.toBe('contact'));
      expect(await screen.findByText('Your unsaved changes to Ada Lovelace are kept')).toBeTruthy();

      act(() => navigate({ screen: 'contact', id: contactId(1) }));
      await waitFor(() => expect(notes().value).toBe('Call after the closing.'));
      expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Discard changes' })).toBeTruthy();
    });
  }

  it('keeps the new-contact form too, and says nothing when nothing was typed', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('Notes', { exact: true });
    await user.keyboard('{Escape}');
    await screen.findByRole('button', { name: 'New contact' });
    expect(screen.queryByText(/You have unsaved changes|changes to .* are kept/)).toBeNull();

    await user.keyboard('{Control>}n{/Control}');
    await user.type(firstName(), 'Grace');
    await user.keyboard('{Escape}');
    expect(await screen.findByText('Your unsaved changes to the new contact are kept')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'New contact' }));
    expect(firstName().value).toBe('Grace');
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
  });

  it('does not announce a draft once it is saved', async () => {
    fake.handle('contacts.create', () => fullContact({ id: contactId(7), firstName: 'Grace', lastName: '', displayName: 'Grace' }));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByLabelText('Notes', { exact: true });
    act(() => navigate({ screen: 'new-contact' }));
    await user.type(firstName(), 'Grace');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Added Grace')).toBeTruthy();
    expect(useNavigation.getState().route).toEqual({ screen: 'contact', id: contactId(7) });
    expect(screen.queryByText(/You have unsaved changes|changes to .* are kept/)).toBeNull();
    expect(useDrafts.getState().drafts).toEqual({});
  });
});
