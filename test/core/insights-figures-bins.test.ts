import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InsightsOverview, ProfitTable } from '../../shared/insights/insights.schemas.ts';
import { openFiguresCore, type FiguresCore } from './insights-figures-core.ts';

// The CLV bins on skewed data: one far outlier must not squeeze everyone else into the first bin.
const today = '2026-12-31';
let app: FiguresCore;

beforeEach(async () => {
  app = await openFiguresCore(today);
});

afterEach(async () => {
  await app.close();
});

async function customer(name: string, clv: number) {
  const { id } = await app.customer(name, '2026-01-15');
  app.purchase(id, { on: '2026-02-01', gross: 1_000 });
  app.value(id, { purchases: 1, clv, tier: 'rest', stage: 'movable' });
}

async function bins() {
  app.run('2026-12-31T09:00:00.000Z', 43);
  await app.refresh();
  return (await app.call<InsightsOverview>('insights.overview', { period: 'last_12_months' })).clvBins;
}

describe('the lifetime value bins', () => {
  it('spread the customers up to the 95th percentile in round bins, the outlier in an open-ended last one, each drilling to exactly its customers', async () => {
    // 42 customers at 10.00, 15.00, … 215.00, one at 50,000.00.
    for (let index = 0; index < 42; index++) await customer(`P${index}`, 1_000 + index * 500);
    await customer('Outlier', 5_000_000);
    const drawn = await bins();
    // The 95th percentile (the 41st of 43) is 210.00: (210 − 10) / 10 = 20.00 → a step of 20.00 from 0, eleven bins to 220.00, then the rest.
    expect(drawn.map((bin) => bin.fromCents)).toEqual(Array.from({ length: 12 }, (_, index) => index * 2_000));
    expect(drawn.map((bin) => bin.toCents)).toEqual([...Array.from({ length: 11 }, (_, index) => (index + 1) * 2_000), null]);
    expect(drawn.map((bin) => bin.customers)).toEqual([2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1]);
    for (const bin of drawn) {
      const table = await app.call<ProfitTable>('insights.customers', {
        period: 'last_12_months',
        drill: { by: 'clv', fromCents: bin.fromCents, toCents: bin.toCents },
        limit: 500,
      });
      expect(table.total).toBe(bin.customers);
    }
  });

  it('are empty when no customer has a lifetime value (no model, or every value 0)', async () => {
    for (let index = 0; index < 5; index++) await customer(`Z${index}`, 0);
    expect(await bins()).toEqual([]);
  });
});
