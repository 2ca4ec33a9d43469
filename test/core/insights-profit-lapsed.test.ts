import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerInsight, ProfitTable } from '../../shared/insights/insights.schemas.ts';
import type { Settings } from '../../shared/settings/settings.schemas.ts';
import { openFiguresCore, type FiguresCore } from './insights-figures-core.ts';

// Today is 30 June 2026; the yearly admin cost per customer is 100.00 (10000 cents).
// A customer costs admin only until `loyalty.activeDays` after their last purchase:
// once lapsed, nobody keeps their records or mails them.
const today = '2026-06-30';

let app: FiguresCore;
let dan: string;
let eve: string;

beforeEach(async () => {
  app = await openFiguresCore(today);
  await app.settings({ adminCostPerCustomerPerYearCents: 10_000, unprofitableBelowCents: 0 });
  // Dan: added 1 January 2023, last bought 1 March 2024; with the default 365 days he lapsed on 1 March 2025.
  dan = (await app.customer('Dan', '2023-01-01')).id;
  app.purchase(dan, { on: '2023-02-01', gross: 10_000 });
  app.purchase(dan, { on: '2024-03-01', gross: 20_000 });
  // Eve: added 1 December 2024, bought once on 1 January 2025.
  eve = (await app.customer('Eve', '2024-12-01')).id;
  app.purchase(eve, { on: '2025-01-01', gross: 5_000 });
});

afterEach(async () => {
  await app.close();
});

const admin = async (contactId: string, period: string) => (await app.call<CustomerInsight>('insights.customer', { contactId, period })).profit.adminCostCents;

describe('the admin cost stops once a customer has lapsed', () => {
  it('charges a customer who last bought long ago nothing in the recent periods, and only their kept days all time', async () => {
    expect(await admin(dan, 'this_year')).toBe(0);
    expect(await admin(dan, 'last_12_months')).toBe(0);
    // 2023-01-01..2025-03-01: 791 days; 10000 × 791 / 365 = 21671.23 (not 1277 days up to today, 34986).
    expect(await admin(dan, 'all_time')).toBe(21_671);
  });

  it('counts the days up to activeDays after the last purchase, which the setting moves', async () => {
    const current = await app.call<Settings>('settings.get');
    await app.settings({ loyalty: { ...current.loyalty, activeDays: 200 } });
    // 2025-01-01 + 200 days = 2025-07-20: 20 days of the last 12 months; 10000 × 20 / 365 = 547.9.
    expect(await admin(eve, 'last_12_months')).toBe(548);
    expect(await admin(eve, 'this_year')).toBe(0);
    // 2024-12-01..2025-07-20: 232 days; 10000 × 232 / 365 = 6356.16.
    expect(await admin(eve, 'all_time')).toBe(6_356);
  });

  it('stores the same admin cost in the snapshot as the live P&L', async () => {
    const current = await app.call<Settings>('settings.get');
    await app.settings({ loyalty: { ...current.loyalty, activeDays: 200 } });
    await app.refresh();
    for (const period of ['this_year', 'last_12_months', 'all_time']) {
      const table = await app.call<ProfitTable>('insights.customers', { period, sort: 'name', direction: 'asc' });
      expect(table.items.map((row) => row.displayName)).toEqual(['Dan', 'Eve']);
      for (const row of table.items) expect(row.adminCostCents).toBe(await admin(row.contactId, period));
    }
    const allTime = await app.call<ProfitTable>('insights.customers', { period: 'all_time', sort: 'name', direction: 'asc' });
    // Dan lapsed on 2024-09-17 (1 March 2024 + 200 days): 2023-01-01..2024-09-17 is 626 days → 17150.68.
    expect(allTime.items.map((row) => row.adminCostCents)).toEqual([17_151, 6_356]);
  });
});
