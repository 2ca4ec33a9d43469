import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsightsOverview, ProfitTable } from '../../shared/insights/insights.schemas.ts';
import { openFiguresCore, type FiguresCore } from './insights-figures-core.ts';

// Today is 31 December 2026: the last 12 months are 2026. A minute costs 100 cents, no admin cost.
// Fay bought in the store and returned the same amount online: no net revenue, two purchases, a 10-minute call.
// Gus bought only in 2024, and had a 10-minute call in 2026.
const today = '2026-12-31';
let app: FiguresCore;
let overview: InsightsOverview;

beforeAll(async () => {
  app = await openFiguresCore(today);
  await app.settings({ hourlyCostCents: 6000, adminCostPerCustomerPerYearCents: 0, unprofitableBelowCents: 0 });
  const fay = (await app.customer('Fay', '2024-01-15')).id;
  app.purchase(fay, { on: '2026-03-01', gross: 5_000, channel: 'store' });
  app.purchase(fay, { kind: 'refund', on: '2026-04-01', gross: 5_000, channel: 'online' });
  await app.log(fay, 'call', '2026-05-01', 10);
  const gus = (await app.customer('Gus', '2024-01-15')).id;
  app.purchase(gus, { on: '2024-06-01', gross: 3_000, channel: 'store' });
  await app.log(gus, 'call', '2026-05-01', 10);
  app.run('2026-12-31T09:00:00.000Z', 2);
  await app.refresh();
  overview = await app.call<InsightsOverview>('insights.overview', { period: 'last_12_months' });
});

afterAll(async () => {
  await app.close();
});

describe('the channel table’s cost to serve', () => {
  it('shares a customer’s cost by purchases when they have no net revenue, and gives those who bought nothing their own row', async () => {
    expect(overview.channels.map(({ channel, purchases, revenueCents, costToServeCents }) => ({ channel, purchases, revenueCents, costToServeCents }))).toEqual([
      { channel: 'store', purchases: 1, revenueCents: 5_000, costToServeCents: 500 },
      { channel: 'online', purchases: 1, revenueCents: -5_000, costToServeCents: 500 },
      { channel: 'no purchase in the period', purchases: 0, revenueCents: 0, costToServeCents: 1_000 },
    ]);
    const drill = overview.channels.at(-1)!.drill;
    const table = await app.call<ProfitTable>('insights.customers', { period: 'last_12_months', drill, limit: 500 });
    expect(table.items.map((row) => row.displayName)).toEqual(['Gus']);
  });
});
