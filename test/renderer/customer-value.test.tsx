// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerInsight, ProfitPeriod } from '../../shared/insights/insights.schemas.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { contactId, directoryOf, fullContact } from './fake-bridge.ts';
import { settings } from './plans-fixtures.ts';
import { customerValue, insight } from './purchases-fixtures.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

const money = (cents: number, currency = 'USD') => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', directoryOf(3));
  fake.handle('contacts.get', ({ id }: { id: string }) => fullContact({ id }));
  fake.handle('history.timeline', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('followups.list', () => []);
  fake.handle('purchases.list', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('settings.get', () => settings({ currency: 'USD' }));
  resetAppState();
  navigate({ screen: 'contact', id: contactId(1) });
});
afterEach(cleanup);

const region = () => screen.findByRole('region', { name: 'Profit and loss' });

/** The figure shown for a line, found by its name, with its definition. */
function line(within_: HTMLElement, name: string) {
  const term = within(within_).getByText(name, { selector: 'dt' });
  const row = term.parentElement!;
  return { value: row.querySelector('dd')!.textContent, definition: row.getAttribute('title') };
}

describe('Profit and loss on a contact’s page', () => {
  it('shows the founding list for the last 12 months, each line with its definition', async () => {
    fake.handle('insights.customer', () => insight());
    render(<App />);
    const shown = await region();
    await within(shown).findByText('Customer profit');
    expect(fake.callsTo('insights.customer')).toEqual([{ contactId: contactId(1), period: 'last_12_months' }]);
    expect((within(shown).getByLabelText('Period') as HTMLSelectElement).value).toBe('last_12_months');
    expect([...shown.querySelectorAll('.profit-lines')[0]!.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([
      'Revenue',
      'Allowances, credits and discounts',
      'Product costs',
      'Channel costs',
      'Cost to serve',
      'Administrative cost',
      'Customer profit',
    ]);
    await waitFor(() => expect(line(shown, 'Revenue').value).toBe(money(123_456)));
    expect(line(shown, 'Allowances, credits and discounts').value).toBe(`−${money(2_500)}`);
    expect(line(shown, 'Cost to serve').value).toBe(`−${money(9_875)}`);
    expect(line(shown, 'Customer profit').value).toBe(money(64_831));
    for (const name of ['Revenue', 'Product costs', 'Channel costs', 'Cost to serve', 'Administrative cost', 'Customer profit']) expect(line(shown, name).definition).toMatch(/\w+ .+\.$/);
    expect(within(shown).queryByText('Unprofitable')).toBeNull();
  });

  it('asks again for the period chosen', async () => {
    fake.handle('insights.customer', ({ period }: { period: ProfitPeriod }) => insight({ profit: { period, revenueCents: period === 'all_time' ? 999_900 : 100 } }));
    const user = userEvent.setup();
    render(<App />);
    const shown = await region();
    await within(shown).findByText('Customer profit');
    expect(within(within(shown).getByLabelText('Period')).getAllByRole('option').map((option) => option.textContent)).toEqual(['This year', 'Last 12 months', 'All time']);
    await user.selectOptions(within(shown).getByLabelText('Period'), 'All time');
    await waitFor(() => expect(line(shown, 'Revenue').value).toBe(money(999_900)));
    expect(fake.callsTo('insights.customer').at(-1)).toEqual({ contactId: contactId(1), period: 'all_time' });
  });

  it('marks an unprofitable customer', async () => {
    fake.handle('insights.customer', () => insight({ profit: { profitCents: -4_200, unprofitable: true } }));
    render(<App />);
    const shown = await region();
    expect(await within(shown).findByText('Unprofitable')).toBeTruthy();
  });

  it('shows the lifetime value with the model, why, and when it was computed', async () => {
    fake.handle('insights.customer', () => insight());
    render(<App />);
    const shown = await region();
    await within(shown).findByText('Lifetime value');
    await waitFor(() => expect(line(shown, 'Historical value').value).toBe(money(345_600)));
    expect(line(shown, 'Expected purchases, next 12 months').value).toBe((2.4).toLocaleString());
    expect(line(shown, 'Expected spend, next 12 months').value).toBe(money(28_800));
    expect(line(shown, 'P(alive)').value).toBe((0.87).toLocaleString(undefined, { style: 'percent' }));
    expect(line(shown, 'Predicted lifetime value').value).toBe(money(98_700));
    expect(line(shown, 'Value tier').value).toBe('Top customers');
    expect(within(shown).getByText('BG/NBD + Gamma-Gamma: 312 repeat customers of 1,000.')).toBeTruthy();
    expect(within(shown).getByText(/^Computed/).textContent).toBe(`Computed ${new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-3, 'minute')}`);
  });

  it('says when the lifetime value is not computed yet, and why', async () => {
    fake.handle('insights.customer', () => insight({ value: null }));
    render(<App />);
    const shown = await region();
    expect(await within(shown).findByText(/^Not computed yet: /)).toBeTruthy();
    expect(within(shown).queryByText('Historical value')).toBeNull();
  });

  it('shows amounts in the currency of settings, and follows a change of it', async () => {
    fake.handle('insights.customer', () => insight());
    render(<App />);
    const shown = await region();
    await waitFor(() => expect(line(shown, 'Revenue').value).toBe(money(123_456)));
    fake.handle('settings.get', () => settings({ currency: 'EUR' }));
    act(() => fake.emit({ name: 'settings.changed', payload: settings({ currency: 'EUR' }) }));
    await waitFor(() => expect(line(shown, 'Revenue').value).toBe(money(123_456, 'EUR')));
  });

  it.each(['purchases.changed', 'history.changed', 'insights.changed', 'settings.changed'] as const)('asks again on %s', async (name) => {
    let answer: CustomerInsight = insight();
    fake.handle('insights.customer', () => answer);
    render(<App />);
    const shown = await region();
    await waitFor(() => expect(line(shown, 'Revenue').value).toBe(money(123_456)));
    answer = insight({ profit: { revenueCents: 500 }, value: customerValue({ historicalCents: 7 }) });
    const payloads = {
      'purchases.changed': { ids: [], contactIds: [contactId(1)], reason: 'created' },
      'history.changed': { contactIds: [contactId(1)], reason: 'logged' },
      'insights.changed': { computedAt: '2026-12-02T10:00:00.000Z', customers: 10 },
      'settings.changed': settings(),
    };
    act(() => fake.emit({ name, payload: payloads[name] } as CoreEvent));
    await waitFor(() => expect(line(shown, 'Revenue').value).toBe(money(500)));
  });
});
