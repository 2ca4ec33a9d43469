// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { directoryOf, giveElementsASize, summary } from './fake-bridge.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeAll(() => giveElementsASize(480));
beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => [{ name: 'customer', count: 2 }]);
  // Filtered by a stage or tier, only Ada is left; with both, nobody.
  fake.handle('contacts.list', (input: { stage?: string; tier?: string; offset?: number; limit?: number }) => {
    if (input.stage && input.tier) return { items: [], nextCursor: null, total: 0 };
    if (input.stage || input.tier) return { items: [summary(1, { displayName: 'Ada Lovelace' })], nextCursor: null, total: 1 };
    return directoryOf(3)(input);
  });
  resetAppState();
  navigate({ screen: 'contacts' });
});
afterEach(cleanup);

const lastQuery = () => fake.callsTo('contacts.list').at(-1);

describe('the contact list’s segment filters', () => {
  it('lists a loyalty stage, then a CLV tier, by passing them to contacts.list', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Contact 000000');
    const stage = screen.getByRole('combobox', { name: 'Loyalty stage' });
    const tier = screen.getByRole('combobox', { name: 'CLV tier' });
    expect([...(stage as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Any', 'Detractor', 'At risk', 'Movable', 'Ambassador']);
    expect([...(tier as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Any', 'Top', 'Middle', 'Other']);
    expect(lastQuery()).toEqual({ sort: 'name', offset: 0, limit: 100, withTotal: true });

    await user.selectOptions(stage, 'At risk');
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', stage: 'at_risk', offset: 0, limit: 100, withTotal: true }));
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy();
    expect(screen.queryByText('Contact 000000')).toBeNull();
    expect(screen.getByText('1 in total')).toBeTruthy();

    await user.selectOptions(stage, 'Any');
    await user.selectOptions(tier, 'Other');
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', tier: 'rest', offset: 0, limit: 100, withTotal: true }));
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by tag' }), 'customer (2)');
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', tag: 'customer', tier: 'rest', offset: 0, limit: 100, withTotal: true }));
  });

  it('says when nobody matches, and shows everyone again', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Contact 000000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Loyalty stage' }), 'Ambassador');
    await user.selectOptions(screen.getByRole('combobox', { name: 'CLV tier' }), 'Top');
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', stage: 'ambassador', tier: 'top', offset: 0, limit: 100, withTotal: true }));
    expect(await screen.findByRole('heading', { name: 'No contacts match these filters' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show all contacts' }));
    await waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', offset: 0, limit: 100, withTotal: true }));
    expect(await screen.findByText('Contact 000000')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Loyalty stage' }) as HTMLSelectElement).value).toBe('');
  });

  it('reloads a list filtered by stage when new figures are in, as they move contacts between stages', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Contact 000000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Loyalty stage' }), 'Detractor');
    await screen.findByText('Ada Lovelace');
    const before = fake.callsTo('contacts.list').length;
    act(() => fake.emit({ name: 'insights.changed', payload: { computedAt: new Date().toISOString(), customers: 3 } }));
    await waitFor(() => expect(fake.callsTo('contacts.list').length).toBe(before + 1));
    expect(lastQuery()).toEqual({ sort: 'name', stage: 'detractor', offset: 0, limit: 100, withTotal: true });
  });
});
