import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerInsight, ProfitTable } from '../../shared/insights/insights.schemas.ts';
import { openFiguresCore, type FiguresCore } from './insights-figures-core.ts';

// Today is 30 June 2026. This year: 2026-01-01..2026-06-30 (181 days); the
// last 12 months: 2025-07-01..2026-06-30 (365 days). An hour costs 60.00, so a
// minute is 100 cents; the yearly admin cost per customer is 100.00 (10000 cents).
const today = '2026-06-30';

let app: FiguresCore;
let ada: string;
let ben: string;
let cleo: string;

beforeEach(async () => {
  app = await openFiguresCore(today);
  await app.settings({ hourlyCostCents: 6000, adminCostPerCustomerPerYearCents: 10_000, unprofitableBelowCents: 0 });

  // Ada: added 10 March 2026, mid-period; she first buys on 15 March.
  ada = (await app.customer('Ada', '2026-03-10')).id;
  app.purchase(ada, { kind: 'sale', on: '2026-03-15', gross: 120_000, discount: 10_000, product: 50_000, channel: 'online', channelCost: 2_500 });
  app.purchase(ada, { kind: 'closing', on: '2026-04-20', gross: 300_000, channel: 'referral', channelCost: 15_000 });
  app.purchase(ada, { kind: 'refund', on: '2026-05-05', gross: 20_000, product: 0, channel: 'online', channelCost: 300 });
  app.purchase(ada, { kind: 'sale', on: '2026-04-01', gross: 77_777, product: 7_777, deleted: true });
  app.purchase(ada, { kind: 'sale', on: '2026-07-02', gross: 99_999, product: 9_999 });
  await app.log(ada, 'call', '2026-03-20', 30); // 30 min → 3000
  await app.log(ada, 'gift', '2026-04-21', 15, 4_500); // 15 min + the gift → 1500 + 4500
  const gone = await app.log(ada, 'visit', '2026-04-22', 60);
  await app.call('history.delete', { id: gone.id });

  // Ben: added 1 May 2024, buys from February 2025 on.
  ben = (await app.customer('Ben', '2024-05-01')).id;
  app.purchase(ben, { on: '2025-02-10', gross: 80_000, discount: 8_000, product: 30_000, channel: 'store' });
  app.purchase(ben, { on: '2025-09-15', gross: 40_000, product: 15_000, channel: 'store', channelCost: 500 });
  app.purchase(ben, { on: '2026-02-01', gross: 10_000, discount: 1_000, product: 4_000, channel: 'phone', channelCost: 200 });
  await app.log(ben, 'meeting', '2025-03-01', 45); // 4500, all time only
  await app.log(ben, 'call', '2025-12-01', 10); // 1000
  await app.log(ben, 'email', '2026-06-01', 6); // 600
  await app.log(ben, 'self_service', '2026-06-29', 0); // costs nothing

  // Cleo: no purchase, one call this year.
  cleo = (await app.customer('Cleo', '2026-01-05')).id;
  await app.log(cleo, 'call', '2026-02-02', 10);
});

afterEach(async () => {
  await app.close();
});

const insight = (contactId: string, period: string) => app.call<CustomerInsight>('insights.customer', { contactId, period });

describe('a customer’s P&L, every line of the founding list, to the cent', () => {
  it('adds up Ada’s sale with discount, closing, refund, costs, time and gift, and admin from the day she was added', async () => {
    // 10 March to 30 June: 22 + 30 + 31 + 30 = 113 days; 10000 × 113 / 365 = 3095.89 → 3096.
    const ada12 = {
      revenueCents: 420_000, // 120000 + 300000
      allowancesCents: 30_000, // discount 10000 + refund 20000
      productCostCents: 50_000,
      channelCostCents: 17_800, // 2500 + 15000 + 300
      costToServeCents: 9_000, // 3000 + 1500 + 4500
      adminCostCents: 3_096,
      profitCents: 420_000 - 30_000 - 50_000 - 17_800 - 9_000 - 3_096,
      unprofitable: false,
    };
    for (const period of ['this_year', 'last_12_months', 'all_time']) {
      const { profit } = await insight(ada, period);
      expect(profit).toMatchObject({ ...ada12, period, to: today });
    }
    expect((await insight(ada, 'this_year')).profit.from).toBe('2026-01-01');
    expect((await insight(ada, 'last_12_months')).profit.from).toBe('2025-07-01');
    expect((await insight(ada, 'all_time')).profit.from).toBe('2026-03-10');
  });

  it('gives each period its own lines: Ben over this year, the last 12 months and all time', async () => {
    expect((await insight(ben, 'this_year')).profit).toMatchObject({
      revenueCents: 10_000,
      allowancesCents: 1_000,
      productCostCents: 4_000,
      channelCostCents: 200,
      costToServeCents: 600,
      adminCostCents: 4_959, // 10000 × 181 / 365 = 4958.90
      profitCents: 10_000 - 1_000 - 4_000 - 200 - 600 - 4_959,
      unprofitable: true,
    });
    expect((await insight(ben, 'last_12_months')).profit).toMatchObject({
      revenueCents: 50_000,
      allowancesCents: 1_000,
      productCostCents: 19_000,
      channelCostCents: 700,
      costToServeCents: 1_600,
      adminCostCents: 10_000, // a whole year
      profitCents: 50_000 - 1_000 - 19_000 - 700 - 1_600 - 10_000,
    });
    // All time starts on the day he was added (before his first purchase): 791 days; 10000 × 791 / 365 = 21671.23.
    expect((await insight(ben, 'all_time')).profit).toMatchObject({
      from: '2024-05-01',
      revenueCents: 130_000,
      allowancesCents: 9_000,
      productCostCents: 49_000,
      channelCostCents: 700,
      costToServeCents: 6_100,
      adminCostCents: 21_671,
      profitCents: 130_000 - 9_000 - 49_000 - 700 - 6_100 - 21_671,
    });
  });

  it('charges no admin cost to a contact who never bought, and has no value for them', async () => {
    const { profit, value } = await insight(cleo, 'this_year');
    expect(profit).toMatchObject({ revenueCents: 0, adminCostCents: 0, costToServeCents: 1_000, profitCents: -1_000 });
    expect(value).toBeNull();
  });

  it('flags a customer unprofitable only below the threshold', async () => {
    // Ben's profit this year is −759.
    await app.settings({ unprofitableBelowCents: -759 });
    expect((await insight(ben, 'this_year')).profit).toMatchObject({ profitCents: -759, unprofitable: false });
    await app.settings({ unprofitableBelowCents: -758 });
    expect((await insight(ben, 'this_year')).profit.unprofitable).toBe(true);
  });

  it('stores the same lines for every customer in the snapshot the table reads', async () => {
    app.value(ada, { purchases: 2, clv: 50_000, tier: 'top', stage: 'at_risk' });
    app.run('2026-06-30T09:00:00.000Z', 2);
    await app.refresh();
    for (const period of ['this_year', 'last_12_months', 'all_time']) {
      const table = await app.call<ProfitTable>('insights.customers', { period, sort: 'name', direction: 'asc' });
      // Ada and Ben bought; Cleo is neither a customer nor on the ladder.
      expect(table.items.map((row) => row.displayName)).toEqual(['Ada', 'Ben']);
      for (const row of table.items) {
        const { profit } = await insight(row.contactId, period);
        expect(row).toMatchObject({
          revenueCents: profit.revenueCents,
          allowancesCents: profit.allowancesCents,
          productCostCents: profit.productCostCents,
          channelCostCents: profit.channelCostCents,
          costToServeCents: profit.costToServeCents,
          adminCostCents: profit.adminCostCents,
          profitCents: profit.profitCents,
          unprofitable: profit.unprofitable,
        });
      }
      expect(table.computedAt).toBe('2026-06-30T09:00:00.000Z');
    }
    const { value } = await insight(ada, 'all_time');
    expect(value).toMatchObject({ predictedClvCents: 50_000, tier: 'top', model: 'simple', modelReason: 'Too few repeat customers for BG/NBD' });
  });

  it('leaves out a customer moved to the Trash from the snapshot', async () => {
    await app.call('contacts.delete', { id: ben });
    await app.refresh();
    const table = await app.call<ProfitTable>('insights.customers', { period: 'all_time' });
    expect(table.items.map((row) => row.displayName)).toEqual(['Ada']);
    expect(table.total).toBe(1);
  });
});
