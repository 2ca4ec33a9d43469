// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DuplicateGroup } from '../../shared/duplicates/duplicates.schemas.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { backupStatus, duplicateGroup } from './backup-fixtures.ts';
import { contactId, directoryOf, fullContact } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

let groups: DuplicateGroup[] = [];
beforeEach(() => {
  fake.reset();
  groups = [duplicateGroup()];
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('backup.status', () => backupStatus());
  fake.handle('transfer.imports', () => []);
  fake.handle('duplicates.find', () => groups);
  resetAppState();
  navigate({ screen: 'backup' });
});
afterEach(cleanup);

const group = (name: string) => screen.getByRole('heading', { name }).closest('section') as HTMLElement;

describe('Find duplicates', () => {
  it('lists each group with why it matches and the contacts side by side', async () => {
    groups = [duplicateGroup(), duplicateGroup({ reason: 'name', value: 'Grace Hopper', contacts: [fullContact({ id: contactId(5), displayName: 'Grace Hopper' }), fullContact({ id: contactId(6), displayName: 'Grace M. Hopper' })] })];
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Find duplicates' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'duplicates' });
    expect(location.hash).toBe('#/duplicates');
    expect(await screen.findByRole('heading', { name: 'Duplicates', level: 1 })).toBeTruthy();
    expect(screen.getByText('2 groups to look at')).toBeTruthy();
    const email = group('Same email: ada@example.com');
    expect(within(email).getByRole('group', { name: 'Keep' })).toBeTruthy();
    expect(within(email).getByRole('radio', { name: 'Ada Lovelace' })).toHaveProperty('checked', true);
    expect(within(email).getByRole('radio', { name: 'Ada King' }).closest('.duplicate-card')?.textContent).toContain('+44 20 1234');
    expect(within(email).getByRole('radio', { name: 'Ada Lovelace' }).closest('.duplicate-card')?.textContent).toContain('Created1 Jan 2025 09:00');
    expect(within(group('Similar names: Grace Hopper')).getByRole('radio', { name: 'Grace M. Hopper' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Backup' }).getAttribute('aria-current')).toBe('page');
  });

  it('merges into the contact chosen to keep, offers Undo, and reloads on the change events', async () => {
    fake.handle('duplicates.merge', ({ keepId }: { keepId: string }) => {
      groups = [];
      return { mergeId: 'merge-1', kept: fullContact({ id: keepId, displayName: 'Ada King' }), moved: { emails: 1, phones: 0, tags: 1, interactions: 2, followups: 0, purchases: 0 } };
    });
    fake.handle('duplicates.undoMerge', () => {
      groups = [duplicateGroup()];
      return { kept: fullContact({ id: contactId(2), displayName: 'Ada King' }), restored: fullContact({ id: contactId(1), displayName: 'Ada Lovelace' }) };
    });
    navigate({ screen: 'duplicates' });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('radio', { name: 'Ada King' }));
    const merge = screen.getByRole('button', { name: 'Merge' });
    expect(merge.getAttribute('aria-describedby') && document.getElementById(merge.getAttribute('aria-describedby')!)?.textContent).toBe('Folds Ada Lovelace into Ada King.');
    await user.click(merge);

    expect(fake.callsTo('duplicates.merge')).toEqual([{ keepId: contactId(2), mergeId: contactId(1) }]);
    expect(await screen.findByText('Merged Ada Lovelace into Ada King')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'No duplicates found' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(fake.callsTo('duplicates.undoMerge')).toEqual([{ mergeId: 'merge-1' }]);
    expect(await screen.findByText('Merge undone: Ada Lovelace is back')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Same email: ada@example.com' })).toBeTruthy();
  });

  it('merges a group of three one at a time, into the one that stays', async () => {
    const three = duplicateGroup();
    three.contacts.push(fullContact({ id: contactId(3), displayName: 'A. Lovelace' }));
    groups = [three];
    fake.handle('duplicates.merge', ({ keepId }: { keepId: string }) => {
      groups = [duplicateGroup()];
      return { mergeId: 'merge-2', kept: fullContact({ id: keepId }), moved: { emails: 0, phones: 0, tags: 0, interactions: 0, followups: 0, purchases: 0 } };
    });
    navigate({ screen: 'duplicates' });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('radio', { name: 'A. Lovelace' }));
    expect(screen.getByText('Folds Ada Lovelace into A. Lovelace. Then 1 more to merge here.')).toBeTruthy();
    expect(screen.getByText('Merged in next').closest('.duplicate-card')?.textContent).toContain('Ada Lovelace');
    expect(screen.getAllByRole('button', { name: 'Merge' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Merge' }));
    expect(fake.callsTo('duplicates.merge')).toEqual([{ keepId: contactId(3), mergeId: contactId(1) }]);
    await waitFor(() => expect(screen.queryByRole('radio', { name: 'A. Lovelace' })).toBeNull());
  });

  it('tells two contacts with the same name apart, in the cards, the Merge sentence and the toast', async () => {
    groups = [duplicateGroup({ contacts: [fullContact({ id: contactId(1), displayName: 'Grace Hopper' }), fullContact({ id: contactId(2), displayName: 'Grace Hopper' })] })];
    fake.handle('duplicates.merge', ({ keepId }: { keepId: string }) => ({
      mergeId: 'merge-3',
      kept: fullContact({ id: keepId }),
      moved: { emails: 0, phones: 0, tags: 0, interactions: 0, followups: 0, purchases: 0 },
    }));
    navigate({ screen: 'duplicates' });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('radio', { name: 'Grace Hopper (2)' }));
    expect(screen.getByRole('radio', { name: 'Grace Hopper (1)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open Grace Hopper (1)’s page' })).toBeTruthy();
    expect(screen.getByText('Folds Grace Hopper (1) into Grace Hopper (2).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Merge' }));
    expect(fake.callsTo('duplicates.merge')).toEqual([{ keepId: contactId(2), mergeId: contactId(1) }]);
    expect(await screen.findByText('Merged Grace Hopper (1) into Grace Hopper (2)')).toBeTruthy();
  });
});
