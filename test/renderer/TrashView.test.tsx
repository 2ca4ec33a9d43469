// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrashView } from '../../src-renderer/features/contacts/TrashView.tsx';
import { Toaster } from '../../src-renderer/ui/Toaster.tsx';
import { contactId, fullContact, summary } from './fake-bridge.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  resetAppState();
});
afterEach(cleanup);

const deletedAt = '2025-04-01T08:00:00.000Z';
const dataRows = () => screen.getAllByRole('row').slice(1);

describe('TrashView', () => {
  it('restores the contact whose row the button is in', async () => {
    // The Trash reloads after a restore: the fake's must have lost the restored contact too.
    let trash = [summary(1, { displayName: 'Ada Lovelace', deletedAt }), summary(2, { displayName: 'Grace Hopper', deletedAt })];
    fake.handle('contacts.trash', () => ({ items: trash, total: trash.length }));
    fake.handle('contacts.restore', ({ id }: { id: string }) => {
      trash = trash.filter((row) => row.id !== id);
      return fullContact({ id });
    });
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
    expect(screen.getByText('1 contact in the Trash')).toBeTruthy();
  });

  it('shows the first 200 with the total, and “Show more” pages through the rest', async () => {
    let total = 450;
    const deleted = Array.from({ length: total }, (_, n) => summary(n, { deletedAt }));
    fake.handle('contacts.trash', ({ offset = 0, limit = 200 }: { offset?: number; limit?: number }) => ({
      items: deleted.slice(offset, offset + limit),
      total,
    }));
    fake.handle('contacts.restore', ({ id }: { id: string }) => {
      const at = deleted.findIndex((row) => row.id === id);
      deleted.splice(at, 1);
      total--;
      return fullContact({ id });
    });
    const user = userEvent.setup();
    render(<TrashView />);

    expect(await screen.findByText('450 contacts in the Trash')).toBeTruthy();
    expect(dataRows()).toHaveLength(200);
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(dataRows()).toHaveLength(400));
    expect(screen.getByRole('row', { name: /Contact 000399/ })).toBeTruthy();

    const row = screen.getByRole('row', { name: /Contact 000005/ });
    await user.click(within(row).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('449 contacts in the Trash')).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Contact 000005/ })).toBeNull();
    expect(dataRows()).toHaveLength(399);

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(dataRows()).toHaveLength(449));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    // Reloads after a change start from the top; "Show more" asks only for what follows the shown rows.
    const more = fake.callsTo<{ offset: number; limit: number }>('contacts.trash').filter((input) => input.offset > 0);
    expect(more).toEqual([
      { offset: 200, limit: 200 },
      { offset: 399, limit: 200 },
    ]);
    expect(new Set(dataRows().map((tr) => tr.textContent)).size).toBe(449);
  });

  it('explains an empty Trash', async () => {
    fake.handle('contacts.trash', () => ({ items: [], total: 0 }));
    render(<TrashView />);
    expect(await screen.findByRole('heading', { name: 'Trash is empty' })).toBeTruthy();
  });
});
