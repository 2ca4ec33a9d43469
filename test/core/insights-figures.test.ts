import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillDown, ExportedTable, InsightsOverview, ProfitTable, SegmentRow } from '../../shared/insights/insights.schemas.ts';
import { openFiguresCore, type FiguresCore } from './insights-figures-core.ts';

// Today is 31 December 2026, so the last 12 months are exactly 2026 (four
// quarters) and the period before is 2025. A minute costs 100 cents; no admin
// cost here (the P&L test covers it), the unprofitable line at 0.
//
// A1–A8   top tier, ambassadors: bought 2025-06-10; A1–A6 again 2026-03-10 (store), A7–A8 did not.
//         A1 also bought online, A2 by phone (2026-09-09), each with 55.00 of cost to serve.
// B1–B10  middle tier, movable: B1–B5 bought 2025-11-05; B1–B2 again online 2026-08-20;
//         B6–B8 new by phone 2026-10-01; B9–B10 bought only in 2024 and cost 10.00 each in 2026
//         over three contacts, two of them self-service.
// C1–C6   rest tier, at risk: bought 2025-02-02 and never again; C1–C2 complained in 2026 (30.00 each).
// D1–D2   rest tier, detractors: bought 2026-12-01 through no known channel, complained (20.00 each).
// =Eve    a detractor who never bought, one complaint (20.00).
const today = '2026-12-31';
let app: FiguresCore;
const ids = new Map<string, string>();
let overview: InsightsOverview;

const people = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${from + index}`);

async function add(name: string, tier: 'top' | 'middle' | 'rest' | null, stage: string, clv: number, purchases = 1) {
  const contact = await app.customer(name, '2024-01-15');
  ids.set(name, contact.id);
  app.value(contact.id, { purchases, clv, tier, stage });
  return contact.id;
}

beforeAll(async () => {
  app = await openFiguresCore(today);
  await app.settings({ hourlyCostCents: 6000, adminCostPerCustomerPerYearCents: 0, unprofitableBelowCents: 0 });
  for (const [index, name] of people('A', 1, 8).entries()) {
    const id = await add(name, 'top', 'ambassador', 50_000 + index * 1_000);
    app.purchase(id, { on: '2025-06-10', gross: 10_000, channel: 'store' });
    if (index < 6) app.purchase(id, { on: '2026-03-10', gross: 20_000, product: 5_000, channel: 'store', channelCost: 1_000 });
    app.move(id, '2025-06-10', 'movable');
    app.move(id, '2026-02-15', 'ambassador', 'movable');
  }
  for (const [name, channel] of [['A1', 'online'], ['A2', 'phone']] as const) {
    app.purchase(ids.get(name)!, { on: '2026-09-09', gross: 10_000, channel });
    await app.log(ids.get(name)!, 'meeting', '2026-09-10', 45);
    await app.log(ids.get(name)!, 'gift', '2026-09-10', 0, 1_000);
  }
  for (const [index, name] of people('B', 1, 10).entries()) {
    const id = await add(name, 'middle', 'movable', 20_000 + index * 1_000);
    if (index < 5) {
      app.purchase(id, { on: '2025-11-05', gross: 5_000, channel: 'online' });
      app.move(id, '2025-11-05', 'movable');
    }
    if (index < 2) app.purchase(id, { on: '2026-08-20', gross: 8_000, product: 2_000, channel: 'online', channelCost: 500 });
    if (index >= 5 && index < 8) app.purchase(id, { on: '2026-10-01', gross: 6_000, discount: 600, product: 1_000, channel: 'phone' });
    if (index >= 8) {
      app.purchase(id, { on: '2024-05-05', gross: 3_000, channel: 'store' });
      await app.log(id, 'self_service', '2026-05-15', 0);
      await app.log(id, 'self_service', '2026-05-16', 0);
      await app.log(id, 'call', '2026-05-17', 10);
    }
  }
  for (const [index, name] of people('C', 1, 6).entries()) {
    const id = await add(name, 'rest', 'at_risk', 5_000 + index * 100);
    app.purchase(id, { on: '2025-02-02', gross: 2_000, channel: 'store' });
    app.move(id, '2025-02-02', 'at_risk');
    if (index < 2) await app.log(id, 'complaint', '2026-04-10', 30);
  }
  app.move(ids.get('C1')!, '2025-05-01', null, 'at_risk');
  app.move(ids.get('C1')!, '2025-09-30', 'at_risk');
  for (const name of ['D1', 'D2']) {
    const id = await add(name, 'rest', 'detractor', name === 'D1' ? 1_000 : 2_000);
    app.purchase(id, { on: '2026-12-01', gross: 3_000, product: 2_500 });
    app.move(id, '2026-12-01', 'detractor');
    await app.log(id, 'complaint', '2026-12-02', 20);
  }
  const eve = await add('=Eve', null, 'detractor', 0, 0);
  await app.log(eve, 'complaint', '2026-07-07', 20);
  app.run('2026-12-31T09:00:00.000Z', 26);
  await app.refresh();
  overview = await app.call<InsightsOverview>('insights.overview', { period: 'last_12_months' });
});

afterAll(async () => {
  await app.close();
});

const segment = (name: string) => overview.segments.find((row) => row.segment === name)!;
const drilled = async (drill: DrillDown, period = 'last_12_months') => {
  const table = await app.call<ProfitTable>('insights.customers', { period, drill, sort: 'name', direction: 'asc', limit: 500 });
  expect(table.total).toBe(table.items.length);
  return table.items.map((row) => row.displayName);
};
const pick = (row: SegmentRow) => ({
  customers: row.customers,
  averageProfitCents: row.averageProfitCents,
  retentionRate: row.retentionRate,
  turnoverRate: row.retentionRate === null ? null : Number(row.turnoverRate!.toFixed(10)),
  lost: row.lost,
  turnoverAdjustedProfitCents: row.turnoverAdjustedProfitCents,
  lowProfitSelfServiceShare: row.lowProfitSelfServiceShare,
});

describe('the Insights overview, worked by hand on a few dozen customers over 2025 and 2026', () => {
  it('counts the customers, the ladder and the unprofitable, and reads the status of the last run', () => {
    expect(overview).toMatchObject({ period: 'last_12_months', from: '2026-01-01', to: today, currency: 'USD', customers: 26 });
    expect(overview.ladder).toEqual({ detractor: 3, at_risk: 6, movable: 10, ambassador: 8 });
    // B9, B10 (−10.00), C1, C2 (−30.00), D1, D2 (−15.00), =Eve (−20.00).
    expect(overview.unprofitableCustomers).toBe(7);
    expect(overview.status).toMatchObject({ computedAt: '2026-12-31T09:00:00.000Z', model: 'simple', customers: 26, running: false, stale: false, failure: null });
  });

  it('works out retention, turnover, turnover-adjusted profit and the self-service share per segment', () => {
    // Top: A1, A2 18500 (20000 − 6000 + 10000 − 5500), A3–A6 14000, A7–A8 0 → 93000 / 8 = 11625; 6 of 8 came back.
    expect(pick(segment('top'))).toEqual({ customers: 8, averageProfitCents: 11_625, retentionRate: 0.75, turnoverRate: 0.25, lost: 2, turnoverAdjustedProfitCents: 8_719, lowProfitSelfServiceShare: null });
    expect(pick(segment('ambassador'))).toEqual(pick(segment('top')));
    // Middle: B1, B2 5500; B6–B8 4400; B3–B5 0; B9, B10 −1000 → 22200 / 10; 2 of 5 came back;
    // the low-profit B9 and B10 had 6 contacts, 4 of them self-service.
    expect(pick(segment('middle'))).toEqual({ customers: 10, averageProfitCents: 2_220, retentionRate: 0.4, turnoverRate: 0.6, lost: 3, turnoverAdjustedProfitCents: 888, lowProfitSelfServiceShare: 4 / 6 });
    expect(pick(segment('movable'))).toEqual(pick(segment('middle')));
    // Rest: C1, C2 −3000, C3–C6 0, D1, D2 −1500 → −9000 / 8; none of the six who bought in 2025 came back.
    expect(pick(segment('rest'))).toEqual({ customers: 8, averageProfitCents: -1_125, retentionRate: 0, turnoverRate: 1, lost: 6, turnoverAdjustedProfitCents: 0, lowProfitSelfServiceShare: 0 });
    expect(pick(segment('at_risk'))).toEqual({ customers: 6, averageProfitCents: -1_000, retentionRate: 0, turnoverRate: 1, lost: 6, turnoverAdjustedProfitCents: 0, lowProfitSelfServiceShare: 0 });
    // Detractors: D1, D2 −1500 and =Eve −2000 → −5000 / 3; none bought in 2025.
    expect(pick(segment('detractor'))).toEqual({ customers: 3, averageProfitCents: -1_667, retentionRate: null, turnoverRate: null, lost: 0, turnoverAdjustedProfitCents: null, lowProfitSelfServiceShare: 0 });
  });

  it('has no period before all time, so no retention there', async () => {
    const allTime = await app.call<InsightsOverview>('insights.overview', { period: 'all_time' });
    expect(allTime.from).toBe('2024-01-15');
    expect(allTime.segments.every((row) => row.retentionRate === null && row.turnoverRate === null && row.lost === 0)).toBe(true);
  });

  it('shares each customer’s cost to serve across channels by revenue, and the channels add up to the totals', async () => {
    const rows = overview.channels.map(({ drill: _drill, ...row }) => row);
    expect(rows).toEqual([
      // Cost to serve: A1 and A2 5500 each; store gets 2 × 2/3, online and phone 1/3 each: 7333.33 + 1833.33 + 1833.33,
      // rounded to 7333 + 1833 + 1833; the cent rounding lost goes to the largest share, that of those who bought nothing.
      { channel: 'store', purchases: 6, revenueCents: 120_000, channelCostCents: 6_000, productCostCents: 30_000, costToServeCents: 7_333, profitCents: 76_667 },
      { channel: 'phone', purchases: 4, revenueCents: 26_200, channelCostCents: 0, productCostCents: 3_000, costToServeCents: 1_833, profitCents: 21_367 },
      { channel: 'online', purchases: 3, revenueCents: 26_000, channelCostCents: 1_000, productCostCents: 4_000, costToServeCents: 1_833, profitCents: 19_167 },
      // D1, D2 bought through no known channel: their 2000 each.
      { channel: 'unknown', purchases: 2, revenueCents: 6_000, channelCostCents: 0, productCostCents: 5_000, costToServeCents: 4_000, profitCents: -3_000 },
      // B9, B10 (1000 each), C1, C2 (3000 each) and =Eve (2000) bought nothing in 2026: 10000, and the cent of rounding.
      { channel: 'no purchase in the period', purchases: 0, revenueCents: 0, channelCostCents: 0, productCostCents: 0, costToServeCents: 10_001, profitCents: -10_001 },
    ]);
    const table = await app.call<ProfitTable>('insights.customers', { period: 'last_12_months', limit: 500 });
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    expect(sum(overview.channels.map((row) => row.costToServeCents))).toBe(sum(table.items.map((row) => row.costToServeCents)));
    expect(sum(overview.channels.map((row) => row.revenueCents))).toBe(sum(table.items.map((row) => row.revenueCents - row.allowancesCents)));
    expect(sum(overview.channels.map((row) => row.profitCents))).toBe(sum(table.items.map((row) => row.profitCents)));
  });

  it('gives the last eight quarters: revenue, profit, buyers and the ladder at each quarter’s end', () => {
    const quarters = overview.quarters.map(({ quarter, revenueCents, profitCents, customers, ladder }) => [quarter, revenueCents, profitCents, customers, ladder]);
    const ladder = (detractor: number, at_risk: number, movable: number, ambassador: number) => ({ detractor, at_risk, movable, ambassador });
    expect(quarters).toEqual([
      ['2025-Q1', 12_000, 12_000, 6, ladder(0, 6, 0, 0)],
      ['2025-Q2', 80_000, 80_000, 8, ladder(0, 5, 8, 0)], // C1 left the ladder on 1 May
      ['2025-Q3', 0, 0, 0, ladder(0, 6, 8, 0)], // and came back on 30 September, the quarter's last day
      ['2025-Q4', 25_000, 25_000, 5, ladder(0, 6, 13, 0)],
      ['2026-Q1', 120_000, 84_000, 6, ladder(0, 6, 5, 8)],
      ['2026-Q2', 0, -8_000, 0, ladder(0, 6, 5, 8)], // B9, B10 and C1, C2's costs
      ['2026-Q3', 36_000, 18_000, 4, ladder(0, 6, 5, 8)], // 36000 − 5000 − 11000 (A1, A2) − 2000 (=Eve)
      ['2026-Q4', 22_200, 10_200, 5, overview.ladder], // today's ladder
    ]);
  });

  it('draws round bins of lifetime value up to about the 95th percentile, the last one open-ended', () => {
    // 26 customers from 10.00 to 570.00; the 95th percentile (the 25th value) is 560.00: a step of 100.00, six bins.
    expect(overview.clvBins).toEqual([
      { fromCents: 0, toCents: 10_000, customers: 8 },
      { fromCents: 10_000, toCents: 20_000, customers: 0 },
      { fromCents: 20_000, toCents: 30_000, customers: 10 },
      { fromCents: 30_000, toCents: 40_000, customers: 0 },
      { fromCents: 40_000, toCents: 50_000, customers: 0 },
      { fromCents: 50_000, toCents: null, customers: 8 },
    ]);
  });

  it('drills down to exactly the contacts behind each figure', async () => {
    expect(await drilled(segment('top').drill)).toEqual(people('A', 1, 8));
    expect(await drilled({ by: 'lost', segment: 'top' })).toEqual(['A7', 'A8']);
    expect(await drilled({ by: 'lost', segment: 'rest' })).toEqual(people('C', 1, 6));
    expect(await drilled(segment('detractor').drill)).toEqual(['=Eve', 'D1', 'D2']);
    expect(await drilled(overview.channels.find((row) => row.channel === 'online')!.drill)).toEqual(['A1', 'B1', 'B2']);
    expect(await drilled(overview.channels.find((row) => row.channel === 'unknown')!.drill)).toEqual(['D1', 'D2']);
    expect(await drilled(overview.channels.find((row) => row.channel === 'no purchase in the period')!.drill)).toEqual(['=Eve', 'B10', 'B9', 'C1', 'C2']);
    expect(await drilled({ by: 'quarter', quarter: '2026-Q3' })).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(await drilled({ by: 'unprofitable' })).toEqual(['=Eve', 'B10', 'B9', 'C1', 'C2', 'D1', 'D2']);
    expect(await drilled({ by: 'clv', fromCents: 20_000, toCents: 30_000 })).toEqual(people('B', 1, 10).sort());
  });

  it('sorts the P&L table by any column, either way, and pages through it', async () => {
    const page = (sort: string, direction: string, offset = 0, limit = 3) =>
      app.call<ProfitTable>('insights.customers', { period: 'last_12_months', sort, direction, offset, limit }).then((table) => ({ total: table.total, names: table.items.map((row) => row.displayName) }));
    expect(await page('profit', 'desc')).toEqual({ total: 27, names: ['A1', 'A2', 'A3'] });
    expect(await page('profit', 'asc')).toEqual({ total: 27, names: ['C1', 'C2', '=Eve'] });
    expect(await page('clv', 'desc')).toEqual({ total: 27, names: ['A8', 'A7', 'A6'] });
    expect(await page('costToServe', 'desc', 0, 2)).toEqual({ total: 27, names: ['A1', 'A2'] });
    expect(await page('name', 'asc', 3, 2)).toEqual({ total: 27, names: ['A3', 'A4'] });
    expect(await page('revenue', 'asc', 26, 5)).toEqual({ total: 27, names: ['A2'] });
  });

  it('exports a table as CSV with money as decimal amounts, and reads back', async () => {
    const segments = await app.call<ExportedTable>('insights.exportTable', { table: 'segments', period: 'last_12_months' });
    expect(segments.fileName).toBe('Ambassador-segments-2026-12-31.csv');
    expect(segments.rows).toBe(7);
    const rows = parse(readFileSync(segments.path, 'utf8')) as string[][];
    expect(rows[0]).toEqual(['Segment', 'Customers', 'Average profit', 'Retention rate (%)', 'Customer turnover (%)', 'Customers lost', 'Turnover-adjusted profit', 'Low-profit self-service share (%)']);
    expect(rows[1]).toEqual(['Top customers', '8', '116.25', '75.0', '25.0', '2', '87.19', '']);
    expect(rows.find((row) => row[0] === 'Detractor')).toEqual(['Detractor', '3', '-16.67', '', '', '0', '', '0.0']);

    const customers = await app.call<ExportedTable>('insights.exportTable', { table: 'customers', period: 'last_12_months' });
    const lines = parse(readFileSync(customers.path, 'utf8')) as string[][];
    expect(customers.rows).toBe(27);
    expect(lines).toHaveLength(28);
    expect(lines.find((row) => row[0] === "'=Eve")).toEqual(["'=Eve", 'Detractor', '', '0.00', '0.00', '0.00', '0.00', '20.00', '0.00', '-20.00', 'yes', '0.00']);

    const channels = await app.call<ExportedTable>('insights.exportTable', { table: 'channels', period: 'last_12_months' });
    expect((parse(readFileSync(channels.path, 'utf8')) as string[][]).at(-1)).toEqual(['no purchase in the period', '0', '0.00', '0.00', '0.00', '100.01', '-100.01']);
    const quarters = await app.call<ExportedTable>('insights.exportTable', { table: 'quarters', period: 'last_12_months' });
    expect((parse(readFileSync(quarters.path, 'utf8')) as string[][])[6]).toEqual(['2026-Q2', '0.00', '-80.00', '0', '0', '6', '5', '8']);
  });
});
