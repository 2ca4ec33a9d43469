// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { useContactsStore } from '../../src-renderer/features/contacts/contacts.store.ts';
import { contactId, directoryOf, fullContact } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  useContactsStore.setState(useContactsStore.getInitialState());
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
    expect(screen.queryByRole('link', { name: /Today/ })).toBeNull();
    expect(screen.getByText('Today')).toBeTruthy();
  });
});
