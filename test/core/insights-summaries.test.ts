import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/database.ts';
import type { Db } from '../../src-main/core/db/handle.ts';
import { summarizeCustomers } from '../../src-main/core/insights/clv/index.ts';
import { dayNumber } from '../../src-main/core/insights/customer-values.ts';
import { findBuyingDays, findContactCuts, findPurchaseSummaries } from '../../src-main/core/insights/values.repository.ts';
import { openValuesCore, type ValuesCore } from './insights-values-core.ts';

// The recompute sums each customer's purchases in SQL; the CLV models must see
// exactly the summary summarizeCustomers makes of the same purchases.

const today = '2026-12-02';
let app: ValuesCore;
let db: Db;
beforeEach(async () => {
  app = await openValuesCore(today);
  db = openDatabase(dirname(app.core.databaseFile)).db;
});
afterEach(async () => {
  await db.destroy();
  await app.remove();
});

describe('per-customer purchase sums for the recompute', () => {
  it('are the history over all days and summarizeCustomers’ summary of the buying days up to today', async () => {
    const ann = await app.contact('Ann');
    const bob = await app.contact('Bob');
    const cid = await app.contact('Cid');
    const gone = await app.contact('Gus');
    app.purchase(ann.id, '2026-07-01', 5_000);
    app.purchase(ann.id, '2026-08-01', 8_000, { deleted: true });
    app.purchase(ann.id, '2026-10-01', 10_000, { discountCents: 1_000, productCostCents: 4_000 });
    app.purchase(ann.id, '2026-10-01', 2_000);
    app.purchase(ann.id, '2026-10-01', 500, { kind: 'refund', productCostCents: 200 });
    app.purchase(ann.id, '2026-11-10', 20_000, { kind: 'closing' });
    app.purchase(ann.id, '2026-11-15', 1_000, { kind: 'refund' });
    app.purchase(ann.id, '2026-12-10', 7_000);
    app.purchase(bob.id, '2026-11-20', 3_000);
    app.purchase(cid.id, '2026-11-01', 4_000, { kind: 'refund' });
    app.purchase(gone.id, '2026-11-20', 9_000);
    await app.call('contacts.delete', { id: gone.id });

    const rows = await findPurchaseSummaries(db, today);
    expect(rows.map((row) => row.contact_id)).toEqual([ann.id, bob.id, cid.id].sort());
    const annRow = rows.find((row) => row.contact_id === ann.id)!;
    expect(annRow).toEqual({
      contact_id: ann.id,
      first_purchase_on: '2026-07-01',
      last_purchase_on: '2026-12-10',
      purchases: 5,
      purchase_days: 4,
      historical_cents: 5_000 + 9_000 + 2_000 - 500 + 20_000 - 1_000 + 7_000,
      product_cost_cents: 4_000 - 200,
      model_days: 3,
      model_first_on: '2026-07-01',
      model_last_on: '2026-11-10',
      model_net_cents: 5_000 + 11_000 + 20_000,
      model_first_net_cents: 5_000,
    });
    expect(rows.find((row) => row.contact_id === cid.id)).toMatchObject({ purchases: 0, purchase_days: 0, historical_cents: -4_000, model_days: 0, first_purchase_on: null });

    const purchases = [
      { customerId: ann.id, day: '2026-07-01', amount: 50 },
      { customerId: ann.id, day: '2026-10-01', amount: 90 },
      { customerId: ann.id, day: '2026-10-01', amount: 20 },
      { customerId: ann.id, day: '2026-11-10', amount: 200 },
      { customerId: ann.id, day: '2026-12-10', amount: 70 },
      { customerId: bob.id, day: '2026-11-20', amount: 30 },
    ].map((purchase) => ({ ...purchase, day: dayNumber(purchase.day) }));
    for (const expected of summarizeCustomers(purchases, { calibrationEndDay: dayNumber(today), unit: 'week' })) {
      const row = rows.find((each) => each.contact_id === expected.customerId)!;
      const x = row.model_days - 1;
      expect(x).toBe(expected.x);
      expect((dayNumber(row.model_last_on!) - dayNumber(row.model_first_on!)) / 7).toBe(expected.tx);
      expect((dayNumber(today) - dayNumber(row.model_first_on!)) / 7).toBe(expected.T);
      expect(x > 0 ? (row.model_net_cents - row.model_first_net_cents) / 100 / x : 0).toBeCloseTo(expected.meanRepeatValue, 10);
    }

    // The simple model's buying days: sales days up to today, same-day purchases as one.
    expect((await findBuyingDays(db, today)).filter((row) => row.contact_id === ann.id)).toEqual([
      { contact_id: ann.id, occurred_on: '2026-07-01', net_cents: 5_000 },
      { contact_id: ann.id, occurred_on: '2026-10-01', net_cents: 11_000 },
      { contact_id: ann.id, occurred_on: '2026-11-10', net_cents: 20_000 },
    ]);
  });

  it('read run by run of contacts, add up to the whole', async () => {
    for (const name of ['Ann', 'Bob', 'Cid', 'Dee', 'Eve']) {
      const contact = await app.contact(name);
      app.purchases(contact.id, ['2026-09-01', '2026-10-01']);
    }
    const cuts = await findContactCuts(db, 2);
    expect(cuts).toHaveLength(2);
    const runs = [];
    for (let run = 0; run <= cuts.length; run += 1) runs.push(...(await findPurchaseSummaries(db, today, { from: cuts[run - 1] ?? null, to: cuts[run] ?? null })));
    expect(runs).toEqual(await findPurchaseSummaries(db, today));
    expect(runs).toHaveLength(5);
  });
});
