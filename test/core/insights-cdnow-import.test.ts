import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseImportReport } from '../../shared/commerce/purchase-import.schemas.ts';
import { runClvCommand } from '../../src-main/cli/clv.command.ts';
import type { ClvReport } from '../../src-main/core/insights/clv/index.ts';
import { openValuesCore, type ValuesCore } from './insights-values-core.ts';

// The promise end to end: the CDNOW sample loaded through the purchases
// import, as a user would (the import detects the columns lined up by spaces, no
// header, YYYYMMDD dates, and makes a contact per customer), gives the same
// lifetime values as `ambassador clv` on the same file, as of its last day.

const cdnow = new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url).pathname;

let app: ValuesCore;
let report: ClvReport;
let imported: PurchaseImportReport;

beforeAll(async () => {
  let stdout = '';
  // The import takes the first column (the full cohort's customer number) as the customer id; so does this.
  const code = await runClvCommand([cdnow, '--no-header', '--customer-col', '1', '--date-col', '3', '--amount-col', '5', '--json'], { stdout: (text) => (stdout += text), stderr: () => {} });
  expect(code).toBe(0);
  report = JSON.parse(stdout) as ClvReport;
  app = await openValuesCore('1998-06-30');
  imported = await app.call<PurchaseImportReport>('purchases.import', { file: cdnow });
}, 120_000);

afterAll(async () => {
  await app.remove();
});

describe('CDNOW through the purchases import', () => {
  it('imports every row and values every customer as ambassador clv does: the same parameters to 1e-6, each CLV within 0.1 %', async () => {
    expect(imported).toMatchObject({ total: 6_919, imported: 6_919, skipped: 0, createdContacts: 2_357 });
    const status = await app.recompute();
    expect(status).toMatchObject({ model: 'bgnbd', customers: 2_357, failure: null });

    const details = JSON.parse(app.raw.prepare('select details from insights_runs where id = 1').pluck().get() as string) as {
      params: Record<string, number>;
      spend: { params: Record<string, number> };
    };
    for (const [name, value] of Object.entries(report.params as Record<string, number>)) expect(details.params[name]).toBeCloseTo(value, 6);
    for (const [name, value] of Object.entries(report.spend.params as Record<string, number>)) expect(details.spend.params[name]).toBeCloseTo(value, 6);

    const byCustomer = new Map(
      (
        app.raw
          .prepare('select r.external_id, v.predicted_clv_cents, v.p_alive from customer_refs r join customer_values v on v.contact_id = r.contact_id')
          .all() as Array<{ external_id: string; predicted_clv_cents: number; p_alive: number }>
      ).map((row) => [row.external_id, row]),
    );
    expect(byCustomer.size).toBe(2_357);
    for (const customer of report.customers) {
      const mine = byCustomer.get(customer.id);
      expect(mine, `customer ${customer.id}`).toBeDefined();
      const cliCents = customer.clv * 100;
      expect(Math.abs(mine!.predicted_clv_cents - cliCents)).toBeLessThanOrEqual(Math.max(0.001 * cliCents, 0.5));
      expect(mine!.p_alive).toBeCloseTo(customer.pAlive!, 9);
    }
  }, 120_000);
});
