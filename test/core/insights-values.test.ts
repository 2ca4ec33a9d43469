import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openValuesCore, type ValuesCore } from './insights-values-core.ts';

let app: ValuesCore;
beforeEach(async () => {
  app = await openValuesCore();
});
afterEach(async () => {
  await app.remove();
});

describe('customer values as of today (2026-12-02)', () => {
  it('keeps each customer’s history net of discounts and refunds, the observed margin, and tiers by predicted value', async () => {
    const ann = await app.contact('Ann');
    const bob = await app.contact('Bob');
    const dee = await app.contact('Dee');
    const gone = await app.contact('Cid');
    app.purchase(ann.id, '2026-07-01', 5_000);
    app.purchase(ann.id, '2026-10-01', 10_000, { discountCents: 1_000, productCostCents: 4_000 });
    app.purchase(ann.id, '2026-11-01', 5_000);
    app.purchase(ann.id, '2026-11-05', 2_000, { kind: 'refund' });
    app.purchase(ann.id, '2026-11-10', 20_000, { kind: 'closing' });
    app.purchase(bob.id, '2026-11-20', 3_000);
    app.purchase(gone.id, '2026-11-20', 99_000, { productCostCents: 99_000 });
    await app.call('contacts.delete', { id: gone.id });
    await app.call('loyalty.recordScore', { contactId: dee.id, score: 3, scoredOn: '2026-11-30' });

    const status = await app.recompute();
    // Net revenue 40,000 (refund taken off), product cost 4,000: margin 90 %. Only Ann bought twice: the simple model.
    expect(status).toMatchObject({ model: 'simple', customers: 2 });
    expect(status.modelReason).toMatch(/^Simple retention model: only 1 customer bought more than once .*; margin 90\.0 %: the gross margin observed over all purchases\.$/);

    expect(app.valueOf(ann.id)).toMatchObject({
      purchases: 4,
      historical_cents: 37_000,
      first_purchase_on: '2026-07-01',
      last_purchase_on: '2026-11-10',
      p_alive: null,
      expected_purchases: null,
      expected_spend_cents: null,
      tier: 'middle',
      stage: 'movable',
    });
    expect(app.valueOf(bob.id)).toMatchObject({ purchases: 1, historical_cents: 3_000, tier: 'rest', stage: 'at_risk' });
    expect(app.valueOf(ann.id)!.predicted_clv_cents).toBeGreaterThan(app.valueOf(bob.id)!.predicted_clv_cents);
    // Evidence without purchases: on the ladder, in no tier.
    expect(app.valueOf(dee.id)).toMatchObject({ purchases: 0, historical_cents: 0, predicted_clv_cents: 0, tier: null, stage: 'detractor', stage_reason: 'scored 3 on 2026-11-30' });
    // A contact in the Trash is left out.
    expect(app.valueOf(gone.id)).toBeUndefined();

    const run = app.raw.prepare('select as_of, model, customers, details from insights_runs').get() as { as_of: string; model: string; customers: number; details: string };
    expect(run).toMatchObject({ as_of: '2026-12-02', model: 'simple', customers: 2 });
    expect(JSON.parse(run.details)).toMatchObject({ unit: 'week', horizon: 52, annualDiscount: 0.1, margin: 0.9 });
  });

  it('says so when there is nothing to value', async () => {
    const ann = await app.contact('Ann');
    app.purchase(ann.id, '2026-11-20', 3_000);
    const status = await app.recompute();
    expect(status).toMatchObject({ model: 'none', customers: 1 });
    expect(status.modelReason).toBe('No lifetime value yet: retention needs at least 2 customers; the data have 1.');
    // No value is estimated, so nobody is ranked into a tier by it.
    expect(app.valueOf(ann.id)).toMatchObject({ predicted_clv_cents: 0, tier: null, stage: 'at_risk' });
  });
});
