import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClvCommand } from '../../src-main/cli/clv.command.ts';
import type { ClvReport } from '../../src-main/core/insights/clv/index.ts';
import { openValuesCore, type ValuesCore } from './insights-values-core.ts';

// The app's lifetime value equals `ambassador clv` on the same purchases: the
// 6,919 CDNOW rows as purchases of 2,357 contacts, as of the file's last day.

const cdnow = 'test/fixtures/cdnow/CDNOW_sample.txt';
const contactIdOf = (customer: string) => `00000000-0000-7000-8000-${customer.padStart(12, '0')}`;

let app: ValuesCore;
let report: ClvReport;

beforeAll(async () => {
  let stdout = '';
  const code = await runClvCommand([cdnow, '--no-header', '--customer-col', '2', '--date-col', '3', '--amount-col', '5', '--json'], {
    stdout: (text) => (stdout += text),
    stderr: () => {},
  });
  expect(code).toBe(0);
  report = JSON.parse(stdout) as ClvReport;

  app = await openValuesCore('1998-06-30');
  const rows = readFileSync(cdnow, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/) as [string, string, string, string, string]);
  const addContact = app.raw.prepare(
    `insert into contacts (id, kind, first_name, last_name, company, display_name, sort_key, notes, created_at, updated_at)
     values (?, 'person', ?, 'Customer', '', ?, ?, '', '1997-01-01T00:00:00.000Z', '1997-01-01T00:00:00.000Z')`,
  );
  app.raw.transaction(() => {
    for (const customer of new Set(rows.map((row) => row[1]))) addContact.run(contactIdOf(customer), customer, `${customer} Customer`, `${customer} customer`);
    for (const [, customer, date, , amount] of rows) {
      app.purchase(contactIdOf(customer), `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, Math.round(Number(amount) * 100));
    }
  })();
}, 60_000);

afterAll(async () => {
  await app.remove();
});

describe('CDNOW in the app', () => {
  it('fits the same BG/NBD and Gamma-Gamma as ambassador clv, and values every customer the same', async () => {
    const status = await app.recompute();
    expect(status).toMatchObject({ model: 'bgnbd', customers: 2357, failure: null });
    expect(status.modelReason).toMatch(/^BG\/NBD \+ Gamma-Gamma: 1,\d{3} repeat customers of 2,357; margin 100 %: no product cost is recorded\.$/);

    const run = app.raw.prepare('select details from insights_runs where id = 1').pluck().get() as string;
    const details = JSON.parse(run) as { params: Record<string, number>; spend: { model: string; params: Record<string, number> } };
    expect(report.model).toBe('bgnbd');
    expect(details.spend.model).toBe('gamma-gamma');
    for (const [name, value] of Object.entries(report.params as Record<string, number>)) expect(details.params[name]).toBeCloseTo(value, 6);
    for (const [name, value] of Object.entries(report.spend.params as Record<string, number>)) expect(details.spend.params[name]).toBeCloseTo(value, 6);

    const values = new Map(
      (app.raw.prepare('select contact_id, predicted_clv_cents, p_alive, expected_purchases from customer_values').all() as Array<{
        contact_id: string;
        predicted_clv_cents: number;
        p_alive: number;
        expected_purchases: number;
      }>).map((row) => [row.contact_id, row]),
    );
    expect(values.size).toBe(2357);
    for (const customer of report.customers) {
      const mine = values.get(contactIdOf(customer.id))!;
      const cliCents = customer.clv * 100;
      // Within 0.1 %, or half a cent: the app keeps whole cents.
      expect(Math.abs(mine.predicted_clv_cents - cliCents)).toBeLessThanOrEqual(Math.max(0.001 * cliCents, 0.5));
      expect(mine.p_alive).toBeCloseTo(customer.pAlive!, 9);
      expect(mine.expected_purchases).toBeCloseTo(customer.expectedPurchases!, 9);
    }
  }, 60_000);

  it('splits the customers into tiers of 20 %, 30 % and the rest by predicted value', () => {
    const tiers = app.raw.prepare('select tier, count(*) as customers, min(predicted_clv_cents) as low, max(predicted_clv_cents) as high from customer_values group by tier order by high desc').all();
    expect(tiers).toMatchObject([
      { tier: 'top', customers: Math.round(2357 * 0.2) },
      { tier: 'middle', customers: Math.round(2357 * 0.5) - Math.round(2357 * 0.2) },
      { tier: 'rest', customers: 2357 - Math.round(2357 * 0.5) },
    ]);
    const [top, middle, rest] = tiers as Array<{ low: number; high: number }>;
    expect(top!.low).toBeGreaterThanOrEqual(middle!.high);
    expect(middle!.low).toBeGreaterThanOrEqual(rest!.high);
  });
});
