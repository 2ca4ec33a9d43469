import type Sqlite from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { seededRandom } from '../../src-main/core/insights/clv/index.ts';
import { dayFrom } from './generate-book.ts';

// Purchases for a generated book, written straight into the database with
// prepared statements (the bench's generator, not code under test). Customers
// come and go the way the CLV models expect: each starts on a day of the last
// three years, buys at a rate of their own and may stop for good; a few buy a lot.
// Each contact gets a customer number ("C000001") in customer_refs, as a till's
// export would know them, so an import can match them.

const channels = ['store', 'store', 'store', 'online', 'online', 'phone', 'referral'] as const;
const channelCostShare: Record<string, number> = { store: 0, online: 0.03, phone: 0.01, referral: 0.1 };

export function customerNumber(num: number): string {
  return `C${String(num).padStart(6, '0')}`;
}

export type GeneratedPurchase = { customer: string; date: string; grossCents: number; discountCents: number; productCostCents: number; channel: string; channelCostCents: number };

/**
 * About `total` purchases spread over `contactIds` (skewed: a fifth of the
 * customers make half the purchases), dated up to today.
 */
export function generatePurchases(contactCount: number, total: number, now = new Date(), seed = 11): GeneratedPurchase[] {
  const random = seededRandom(seed);
  const perCustomer = total / contactCount;
  const purchases: GeneratedPurchase[] = [];
  for (let num = 1; num <= contactCount && purchases.length < total; num += 1) {
    const firstDay = -1 - Math.floor(random() * 1095);
    // Heavy buyers and one-off buyers, averaging `perCustomer`.
    const weight = random() < 0.2 ? 2.5 : 0.625;
    const count = Math.max(1, Math.round(perCustomer * weight * (0.5 + random())));
    const lifetime = random() < 0.3 ? Math.floor(random() * -firstDay) : -firstDay;
    const spend = 2000 + Math.floor(random() * 20000);
    for (let index = 0; index < count && purchases.length < total; index += 1) {
      const day = index === 0 ? firstDay : firstDay + Math.floor(random() * lifetime);
      const channel = channels[Math.floor(random() * channels.length)]!;
      const grossCents = Math.round(spend * (0.5 + random()));
      purchases.push({
        customer: customerNumber(num),
        date: dayFrom(now, Math.min(0, day)),
        grossCents,
        discountCents: random() < 0.1 ? Math.round(grossCents * 0.1) : 0,
        productCostCents: Math.round(grossCents * (0.4 + random() * 0.2)),
        channel,
        channelCostCents: Math.round(grossCents * channelCostShare[channel]!),
      });
    }
  }
  return purchases;
}

/** Writes customer numbers for every contact and the purchases into a migrated database. */
export function writePurchases(sqlite: Sqlite.Database, contactIds: readonly string[], purchases: readonly GeneratedPurchase[], now = new Date()): void {
  const stamp = now.toISOString();
  const ref = sqlite.prepare('insert into customer_refs (external_id, contact_id) values (?, ?)');
  const insert = sqlite.prepare(
    `insert into purchases (id, contact_id, kind, occurred_on, description, gross_cents, discount_cents, product_cost_cents, channel, channel_cost_cents, created_at, updated_at)
     values (?, ?, 'sale', ?, '', ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    contactIds.forEach((id, index) => ref.run(customerNumber(index + 1), id));
    for (const purchase of purchases) {
      const contactId = contactIds[Number(purchase.customer.slice(1)) - 1]!;
      insert.run(randomUUID(), contactId, purchase.date, purchase.grossCents, purchase.discountCents, purchase.productCostCents, purchase.channel, purchase.channelCostCents, stamp, stamp);
    }
  })();
}

/** The same purchases as a till's CSV export. */
export function purchasesCsv(purchases: readonly GeneratedPurchase[]): string {
  const money = (cents: number) => (cents / 100).toFixed(2);
  const lines = ['Customer ID,Order Date,Total,Discount,Cost,Channel,Channel Fee'];
  for (const each of purchases) {
    lines.push([each.customer, each.date, money(each.grossCents), money(each.discountCents), money(each.productCostCents), each.channel, money(each.channelCostCents)].join(','));
  }
  return `${lines.join('\n')}\n`;
}
