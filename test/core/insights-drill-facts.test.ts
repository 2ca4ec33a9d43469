import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillDown, ProfitPeriod, ProfitTable } from '../../shared/insights/insights.schemas.ts';
import { noPurchaseChannel } from '../../src-main/core/insights/overview.repository.ts';
import { lastQuarters, periodSpan, previousSpan, quarterSpan } from '../../src-main/core/insights/profit-periods.ts';
import { openFiguresCore, type FiguresCore } from './insights-figures-core.ts';

// The drill-downs by channel, quarter, lost customers and no purchase read facts the
// recompute stores beside each P&L row. Each must equal the same question asked of the
// purchases themselves, after a recompute, and again after the purchases change and
// the next recompute.
const today = '2026-12-31';
const periods: ProfitPeriod[] = ['this_year', 'last_12_months', 'all_time'];
let app: FiguresCore;
const ids = new Map<string, string>();

beforeAll(async () => {
  app = await openFiguresCore(today);
  await app.settings({ hourlyCostCents: 6000, adminCostPerCustomerPerYearCents: 1200, unprofitableBelowCents: 0 });
  for (const name of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay']) ids.set(name, (await app.customer(name, '2024-01-15')).id);
  const buy = (name: string, on: string, channel: string, kind: 'sale' | 'refund' = 'sale') => app.purchase(ids.get(name)!, { on, gross: 4_000, channel, kind });
  buy('Ann', '2025-02-10', 'store');
  buy('Ann', '2025-11-03', 'online');
  buy('Ben', '2025-05-20', 'store');
  buy('Ben', '2026-03-15', 'store');
  buy('Ben', '2026-08-01', 'phone');
  buy('Cat', '2026-07-04', 'online');
  buy('Cat', '2026-07-20', 'online', 'refund');
  buy('Dan', '2024-12-01', 'store');
  buy('Dan', '2025-06-01', 'online');
  buy('Eve', '2026-12-30', 'store');
  await app.log(ids.get('Fay')!, 'call', '2026-05-01', 10);
  await app.log(ids.get('Dan')!, 'call', '2026-05-01', 30);
});

afterAll(async () => {
  await app.close();
});

const names = (rows: Array<{ display_name: string }>) => rows.map((row) => row.display_name).sort();

/** The contacts of a drill-down, asked of the purchases: live contacts on the P&L for the period. */
function direct(period: ProfitPeriod, drill: DrillDown): string[] {
  const span = periodSpan(period, today);
  const onPl = `select c.id, c.display_name from contacts c join customer_profits cp on cp.contact_id = c.id and cp.period = ? where c.deleted_at is null`;
  const bought = (from: string, to: string, kind = "p.kind <> 'refund'", channel = '1') =>
    `exists (select 1 from purchases p where p.contact_id = c.id and p.deleted_at is null and ${kind} and ${channel} and p.occurred_on between '${from}' and '${to}')`;
  const rows = (where: string, ...args: unknown[]) => names(app.raw.prepare(`${onPl} and ${where}`).all(period, ...args) as Array<{ display_name: string }>);
  switch (drill.by) {
    case 'channel':
      if (drill.channel === noPurchaseChannel) return rows(`cp.cost_to_serve_cents <> 0 and not ${bought(span.from, span.to, '1')}`);
      return rows(bought(span.from, span.to, '1', 'p.channel = ?'), drill.channel);
    case 'quarter': {
      const quarter = quarterSpan(drill.quarter, today);
      return rows(bought(quarter.from, quarter.to));
    }
    case 'lost': {
      const before = previousSpan(period, today);
      return rows(`exists (select 1 from customer_values v where v.contact_id = c.id and (v.tier = ? or v.stage = ?)) and ${bought(before.from, before.to)} and not ${bought(span.from, span.to)}`, drill.segment, drill.segment);
    }
    default:
      throw new Error(`No direct question for ${drill.by}`);
  }
}

async function drilled(period: ProfitPeriod, drill: DrillDown): Promise<string[]> {
  const table = await app.call<ProfitTable>('insights.customers', { period, drill, limit: 500 });
  expect(table.total).toBe(table.items.length);
  return table.items.map((row) => row.displayName).sort();
}

async function expectEveryDrillDownAsThePurchasesSay(): Promise<number> {
  const channels = (app.raw.prepare('select distinct channel from purchases').all() as Array<{ channel: string }>).map((row) => row.channel);
  const segments = ['top', 'middle', 'rest', 'detractor', 'at_risk', 'movable', 'ambassador'];
  const drills: DrillDown[] = [
    ...[...channels, noPurchaseChannel, 'never used'].map((channel) => ({ by: 'channel' as const, channel })),
    ...lastQuarters(today).map(({ quarter }) => ({ by: 'quarter' as const, quarter })),
    { by: 'quarter', quarter: '2023-Q1' },
    ...segments.map((segment) => ({ by: 'lost' as const, segment })),
  ];
  let found = 0;
  for (const period of periods) {
    for (const drill of drills) {
      const expected = direct(period, drill);
      expect(await drilled(period, drill), `${period} ${JSON.stringify(drill)}`).toEqual(expected);
      found += expected.length;
    }
  }
  return found;
}

describe('the drill-downs’ stored facts', () => {
  it('name the same contacts as the purchases, after a recompute and after changes and the next one', async () => {
    await app.call('insights.recompute');
    // Not vacuous: the drill-downs find people.
    expect(await expectEveryDrillDownAsThePurchasesSay()).toBeGreaterThan(20);
    expect(await drilled('last_12_months', { by: 'channel', channel: 'phone' })).toEqual(['Ben']);

    // A new channel, a purchase gone, a refund, a customer in the Trash.
    app.purchase(ids.get('Fay')!, { on: '2026-10-10', gross: 1_000, channel: 'market' });
    app.raw.prepare(`update purchases set deleted_at = '2026-12-31T00:00:00.000Z' where contact_id = ? and channel = 'phone'`).run(ids.get('Ben')!);
    app.purchase(ids.get('Ann')!, { on: '2026-01-05', gross: 500, channel: 'store', kind: 'refund' });
    await app.call('contacts.delete', { id: ids.get('Eve')! });
    await app.call('insights.recompute');
    expect(await expectEveryDrillDownAsThePurchasesSay()).toBeGreaterThan(20);
    expect(await drilled('last_12_months', { by: 'channel', channel: 'market' })).toEqual(['Fay']);
    expect(await drilled('last_12_months', { by: 'channel', channel: 'phone' })).toEqual([]);
  });
});
