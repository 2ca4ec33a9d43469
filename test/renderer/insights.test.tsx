// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App.tsx';
import { navigate, parseRoute, useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { resetAppState } from './app-state.ts';
import { contactId, Fail } from './fake-bridge.ts';
import { customersOf, overview, recomputeStatus } from './insights-fixtures.ts';
import { settings } from './plans-fixtures.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  fake.handle('tags.list', () => []);
  fake.handle('contacts.list', () => ({ items: [], nextCursor: null, total: 0 }));
  fake.handle('insights.overview', ({ period }: { period: 'this_year' | 'last_12_months' | 'all_time' }) => overview({ period }));
  fake.handle('insights.status', () => recomputeStatus());
  fake.handle('insights.customers', customersOf(120));
  fake.handle('settings.get', () => settings());
  resetAppState();
  navigate({ screen: 'insights' });
});
afterEach(cleanup);

const firstPage = { period: 'last_12_months', sort: 'profit', direction: 'desc', offset: 0, limit: 50 };

describe('the Insights screen', () => {
  it('is a link in the sidebar, with its own address', async () => {
    expect(parseRoute('#/insights')).toEqual({ screen: 'insights' });
    navigate({ screen: 'contacts' });
    const user = userEvent.setup();
    render(<App />);
    const link = screen.getByRole('link', { name: 'Insights' });
    expect(link.getAttribute('href')).toBe('#/insights');
    await user.click(link);
    expect(useNavigation.getState().route).toEqual({ screen: 'insights' });
    expect(await screen.findByRole('heading', { name: 'Loyalty ladder' })).toBeTruthy();
  });

  it('shows the ladder, lifetime value, segments, channels, the trend and customer profit, with how fresh they are', async () => {
    render(<App />);
    for (const name of ['Loyalty ladder', 'Customer lifetime value', 'Segments', 'Channels', 'Trend by quarter', 'Customer profit']) {
      expect(await screen.findByRole('heading', { name })).toBeTruthy();
    }
    expect(screen.getByText('120 customers')).toBeTruthy();
    expect(screen.getByText('Computed 5 minutes ago')).toBeTruthy();
    expect(screen.getByText(/BG\/NBD \+ Gamma-Gamma: 412 repeat customers/)).toBeTruthy();
    // Each chart is a named picture with its figures in a table.
    expect(screen.getByRole('img', { name: 'Customers on each rung of the loyalty ladder' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'The loyalty ladder at the end of each quarter' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Customers by predicted lifetime value' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Net revenue and profit by quarter' })).toBeTruthy();
    const trendTable = screen.getByRole('table', { name: 'Net revenue and profit by quarter' });
    expect(within(trendTable).getByRole('row', { name: /2026-Q4/ }).textContent).toContain('-$200');
    // Segments: tiers first, then the ladder's rungs; money in the settings' currency.
    const segments = screen.getByRole('table', { name: 'Segments for the period' });
    const rowNames = within(segments).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(rowNames).toEqual(['Top customers', 'Middle customers', 'Other customers', 'Detractor', 'At risk']);
    expect(within(segments).getAllByRole('row')[1]!.textContent).toContain('$123.45');
    expect(within(segments).getByRole('columnheader', { name: 'Turnover-adjusted profit' }).getAttribute('title')).toMatch(/^Average profit × retention rate/);
    expect(screen.getByRole('heading', { name: 'What these mean' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /export table/i })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Export channels' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export customers' })).toBeTruthy();
    // The P&L table: each customer a link to their page.
    expect((await screen.findByRole('link', { name: 'Customer 1' })).getAttribute('href')).toBe(`#/contacts/${contactId(1)}`);
    expect(fake.callsTo('insights.customers')).toEqual([firstPage]);
  });

  it('opens a ladder rung’s customers, each a link to their page; Escape closes and focus returns', async () => {
    const user = userEvent.setup();
    render(<App />);
    const atRisk = await screen.findByRole('button', { name: 'At risk: 30' });
    await user.click(atRisk);
    const panel = await screen.findByRole('dialog', { name: 'Customers: At risk' });
    expect(fake.callsTo('insights.customers').at(-1)).toEqual({
      period: 'last_12_months',
      sort: 'profit',
      direction: 'desc',
      offset: 0,
      limit: 100,
      drill: { by: 'stage', stage: 'at_risk' },
    });
    expect(within(panel).getByText('120 customers, most profitable first')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'Customer 2' }).getAttribute('href')).toBe(`#/contacts/${contactId(2)}`);
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Customers: At risk' }));
    await user.click(within(panel).getByRole('button', { name: 'Show more customers' }));
    await waitFor(() => expect(within(panel).getAllByRole('link')).toHaveLength(120));
    expect(fake.callsTo<{ offset: number }>('insights.customers').at(-1)).toMatchObject({ offset: 100, drill: { by: 'stage', stage: 'at_risk' } });

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(atRisk);
  });

  it('drills into a segment’s customers and into those it lost, and closes with Close', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: '24 customers in Top customers' }));
    await screen.findByRole('dialog', { name: 'Customers: Top customers' });
    expect(fake.callsTo('insights.customers').at(-1)).toMatchObject({ drill: { by: 'tier', tier: 'top' } });

    await user.click(screen.getByRole('button', { name: '3 lost from Top customers' }));
    const lost = await screen.findByRole('dialog', { name: 'Customers: lost from Top customers' });
    expect(fake.callsTo('insights.customers').at(-1)).toMatchObject({ drill: { by: 'lost', segment: 'top' } });
    await user.click(within(lost).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Online' }));
    await screen.findByRole('dialog', { name: 'Customers: bought through Online' });
    expect(fake.callsTo('insights.customers').at(-1)).toMatchObject({ drill: { by: 'channel', channel: 'Online' } });

    await user.click(screen.getByRole('button', { name: '$500 and more: 15 customers' }));
    await screen.findByRole('dialog', { name: 'Customers: lifetime value $500 and more' });
    expect(fake.callsTo('insights.customers').at(-1)).toMatchObject({ drill: { by: 'clv', fromCents: 50_000, toCents: null } });

    await user.click(screen.getByRole('button', { name: 'Unprofitable customers: 5' }));
    await screen.findByRole('dialog', { name: 'Customers: unprofitable' });
    expect(fake.callsTo('insights.customers').at(-1)).toMatchObject({ drill: { by: 'unprofitable' } });
  });

  it('sorts the customer profit table by the header clicked, turning the order round on a second click', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('link', { name: 'Customer 1' });
    const table = screen.getByRole('table', { name: /^Customers’ profit and loss/ });
    const profitHeader = within(table).getByRole('columnheader', { name: /^Profit/ });
    expect(profitHeader.getAttribute('aria-sort')).toBe('descending');

    await user.click(screen.getByRole('button', { name: 'Revenue' }));
    await waitFor(() => expect(fake.callsTo('insights.customers').at(-1)).toEqual({ ...firstPage, sort: 'revenue', direction: 'desc' }));
    expect(within(table).getByRole('columnheader', { name: /^Revenue/ }).getAttribute('aria-sort')).toBe('descending');
    expect(profitHeader.getAttribute('aria-sort')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Revenue' }));
    await waitFor(() => expect(fake.callsTo('insights.customers').at(-1)).toEqual({ ...firstPage, sort: 'revenue', direction: 'asc' }));
    expect(within(table).getByRole('columnheader', { name: /^Revenue/ }).getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: 'Customer' }));
    await waitFor(() => expect(fake.callsTo('insights.customers').at(-1)).toEqual({ ...firstPage, sort: 'name', direction: 'asc' }));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(fake.callsTo('insights.customers').at(-1)).toEqual({ ...firstPage, sort: 'name', direction: 'asc', offset: 50 }));
    expect(await screen.findByText('51–100 of 120')).toBeTruthy();
  });

  it('switches the period: the figures and the table reload for it', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('link', { name: 'Customer 1' });
    expect(fake.callsTo('insights.overview')).toEqual([{ period: 'last_12_months' }]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'All time');
    await waitFor(() => expect(fake.callsTo('insights.overview').at(-1)).toEqual({ period: 'all_time' }));
    await waitFor(() => expect(fake.callsTo('insights.customers').at(-1)).toEqual({ ...firstPage, period: 'all_time' }));
    expect((screen.getByRole('combobox', { name: 'Period' }) as HTMLSelectElement).value).toBe('all_time');
  });

  it('recomputes on request, showing the progress the core reports, then the new figures', async () => {
    let finish: () => void = () => {};
    fake.handle('insights.recompute', () => new Promise((resolve) => (finish = () => resolve(recomputeStatus({ customers: 121 })))));
    const user = userEvent.setup();
    render(<App />);
    const recompute = await screen.findByRole('button', { name: 'Recompute now' });
    await user.click(recompute);
    expect(fake.callsTo('insights.recompute')).toEqual([{}]);
    expect((recompute as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Recomputing' })).toBeTruthy();

    act(() => fake.emit({ name: 'insights.progress', payload: { phase: 'Fitting lifetime value', done: 3, total: 10 } }));
    const bar = screen.getByRole('progressbar', { name: 'Recomputing: Fitting lifetime value' }) as HTMLProgressElement;
    expect(bar.value).toBe(3);
    expect(bar.max).toBe(10);

    const overviewsBefore = fake.callsTo('insights.overview').length;
    await act(async () => {
      finish();
      fake.emit({ name: 'insights.changed', payload: { computedAt: new Date().toISOString(), customers: 121 } });
    });
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    await waitFor(() => expect(fake.callsTo('insights.overview').length).toBe(overviewsBefore + 1));
    expect((screen.getByRole('button', { name: 'Recompute now' }) as HTMLButtonElement).disabled).toBe(false);

    // The core's last progress report can come after the new figures: it leaves no bar behind.
    act(() => fake.emit({ name: 'insights.progress', payload: { phase: 'Done', done: 4, total: 4 } }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((screen.getByRole('button', { name: 'Recompute now' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says in words why the last recompute failed', async () => {
    fake.handle('insights.status', () => recomputeStatus({ failure: 'The purchases could not be read: the disk is full.' }));
    render(<App />);
    expect(await screen.findByText('The last recompute failed: The purchases could not be read: the disk is full.')).toBeTruthy();
  });

  it('saves its settings, and puts a refusal at the field it is about', async () => {
    fake.handle('settings.update', () => {
      throw new Fail({
        code: 'VALIDATION',
        message: 'Check the settings.',
        details: { fields: [{ path: 'clvTiers', message: 'The top and middle tiers together must leave some customers for the rest.' }] },
      });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByText('Insights settings'));
    const admin = await screen.findByRole('textbox', { name: 'Administrative cost per customer per year' });
    expect((admin as HTMLInputElement).value).toBe('24.00');

    await user.clear(admin);
    await user.type(admin, 'lots');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(admin.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter an amount such as 24 or 24.50.')).toBeTruthy();
    expect(fake.callsTo('settings.update')).toEqual([]);

    await user.clear(admin);
    await user.type(admin, '30.50');
    const top = screen.getByRole('textbox', { name: 'Top tier (% of customers)' });
    await user.clear(top);
    await user.type(top, '80');
    const currency = screen.getByRole('textbox', { name: 'Currency' });
    await user.clear(currency);
    await user.type(currency, 'euro');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(currency.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a three-letter currency code such as USD or EUR.')).toBeTruthy();
    await user.clear(currency);
    await user.type(currency, 'eur');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(fake.callsTo('settings.update')).toHaveLength(1));
    expect(fake.callsTo('settings.update')[0]).toEqual({
      currency: 'EUR',
      adminCostPerCustomerPerYearCents: 3050,
      unprofitableBelowCents: 0,
      clvAnnualDiscountRate: 0.1,
      clvTiers: { topPercent: 80, middlePercent: 30 },
      loyalty: { detractorMaxScore: 6, ambassadorMinScore: 9, complaintDays: 90, referralDays: 365, newCustomerDays: 90, slippingBelowPAlive: 0.5, slippingRhythmMultiple: 2, activeDays: 365 },
    });
    const middle = screen.getByRole('textbox', { name: 'Middle tier (% of customers)' });
    await waitFor(() => expect(middle.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('The top and middle tiers together must leave some customers for the rest.').id).toBe(middle.getAttribute('aria-describedby')?.split(' ').at(-1));
    expect(admin.getAttribute('aria-invalid')).toBeNull();
  });

  it('says what to do when there are no customers yet', async () => {
    fake.handle('insights.overview', () => overview({ customers: 0, ladder: { detractor: 0, at_risk: 0, movable: 0, ambassador: 0 }, clvBins: [], segments: [], channels: [], quarters: [], unprofitableCustomers: 0 }));
    fake.handle('insights.status', () => recomputeStatus({ customers: 0, computedAt: null, model: 'none', modelReason: 'No purchases yet.' }));
    fake.handle('contacts.seedSample', () => ({ created: 50 }));
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'No customers yet' })).toBeTruthy();
    expect(screen.getByText("Record a purchase on a contact's page, or import purchases in Backup & data.")).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the purchases import' }).getAttribute('href')).toBe('#/backup');
    expect(screen.getByText(/Not computed yet/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Loyalty ladder' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Load sample data' }));
    expect(await screen.findByText('Added 50 sample contacts')).toBeTruthy();
    expect(fake.callsTo('contacts.seedSample')).toEqual([{}]);
  });
});

describe('Export table on the desktop', () => {
  it('writes the segment table where the save dialog said', async () => {
    fake.dialogs.save = '/home/ada/segments.csv';
    fake.handle('insights.exportTable', ({ to }: { to: string }) => ({ path: to, fileName: 'segments.csv', rows: 8 }));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Export table' }));
    expect(await screen.findByText('Exported 8 rows to segments.csv')).toBeTruthy();
    expect(fake.dialogs.asked).toEqual([
      { dialog: 'save', choice: expect.objectContaining({ extensions: ['csv'], suggestedName: expect.stringMatching(/^Ambassador-segments-\d{4}-\d\d-\d\d\.csv$/) }) },
    ]);
    expect(fake.callsTo('insights.exportTable')).toEqual([{ table: 'segments', period: 'last_12_months', to: '/home/ada/segments.csv' }]);
  });

  it('does nothing when the dialog is cancelled, and says why a refused export was not made', async () => {
    fake.handle('insights.exportTable', () => {
      throw new Fail({ code: 'VALIDATION', message: 'Ambassador cannot write to /home/ada/readonly.csv. Choose another folder.' });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Export channels' }));
    expect(fake.callsTo('insights.exportTable')).toEqual([]);

    fake.dialogs.save = '/home/ada/readonly.csv';
    await user.click(screen.getByRole('button', { name: 'Export channels' }));
    expect(await screen.findByText('The table was not exported: Ambassador cannot write to /home/ada/readonly.csv. Choose another folder.')).toBeTruthy();
    expect(fake.callsTo('insights.exportTable')).toEqual([{ table: 'channels', period: 'last_12_months', to: '/home/ada/readonly.csv' }]);
  });
});
