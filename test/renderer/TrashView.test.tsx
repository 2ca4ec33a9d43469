// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useContactsStore } from '../../src-renderer/features/contacts/contacts.store.ts';
import { TrashView } from '../../src-renderer/features/contacts/TrashView.tsx';
import { Toaster } from '../../src-renderer/ui/Toaster.tsx';
import { contactId, fullContact, summary } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  useContactsStore.setState(useContactsStore.getInitialState());
});
afterEach(cleanup);

const deletedAt = '2025-04-01T08:00:00.000Z';

describe('TrashView', () => {
  it('restores the contact whose row the button is in', async () => {
    fake.handle('contacts.trash', () => [
      summary(1, { displayName: 'Ada Lovelace', deletedAt }),
      summary(2, { displayName: 'Grace Hopper', deletedAt }),
    ]);
    fake.handle('contacts.restore', ({ id }: { id: string }) => fullContact({ id }));
    const user = userEvent.setup();
    render(
      <>
        <TrashView />
        <Toaster />
      </>,
    );

    const row = await screen.findByRole('row', { name: /Grace Hopper/ });
    await user.click(within(row).getByRole('button', { name: 'Restore' }));

    expect(fake.callsTo('contacts.restore')).toEqual([{ id: contactId(2) }]);
    expect(await screen.findByText('Restored Grace Hopper')).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Grace Hopper/ })).toBeNull();
    expect(screen.getByRole('row', { name: /Ada Lovelace/ })).toBeTruthy();
  });

  it('explains an empty Trash', async () => {
    fake.handle('contacts.trash', () => []);
    render(<TrashView />);
    expect(await screen.findByRole('heading', { name: 'Trash is empty' })).toBeTruthy();
  });
});
