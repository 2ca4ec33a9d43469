import type Sqlite from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { gammaVariate, seededRandom } from '../../src-main/core/insights/clv/index.ts';
import { dayFrom } from './generate-book.ts';

// Purchases for a generated book, written straight into the database with
// prepared statements (the bench's generator, not code under test). Customers
// buy the way BG/NBD and Gamma-Gamma assume, so the bench times the fitted
// models' path: each starts on a day of the last three years, buys at a
// Poisson rate of their own (λ ~ Gamma(r, α) per week), after each repeat
// purchase stops for good with a probability of their own (p ~ Beta(a, b)),
// and spends around a mean of their own (Gamma-Gamma).
// Each contact gets a customer number ("C000001") in customer_refs, as a till's
// export would know them, so an import can match them.

const channels = ['store', 'store', 'store', 'online', 'online', 'phone', 'referral'] as const;
const channelCostShare: Record<string, number> = { store: 0, online: 0.03, phone: 0.01, referral: 0.1 };

/** The buying process: CDNOW-like heterogeneity; α is scaled to reach the purchases asked for. */
const SHAPE_R = 0.8;
const DROPOUT_A = 0.8;
const DROPOUT_B = 6;
/** Gamma-Gamma spend: per purchase Gamma(6, ν), ν ~ Gamma(4, 50): about $100 a purchase on average. */
const SPEND_P = 6;
const SPEND_Q = 4;
const SPEND_GAMMA = 50;
const ACQUISITION_DAYS = 1095;

export function customerNumber(num: number): string {
  return `C${String(num).padStart(6, '0')}`;
}

export type GeneratedPurchase = { customer: string; date: string; grossCents: number; discountCents: number; productCostCents: number; channel: string; channelCostCents: number };

/** One customer's purchase days (days before today, 0 = today, oldest first) under rate scale `alpha`. */
function buyingDays(alpha: number, random: () => number): number[] {
  const rate = gammaVariate(SHAPE_R, alpha, random);
  const left = gammaVariate(DROPOUT_A, 1, random);
  const dropout = left / (left + gammaVariate(DROPOUT_B, 1, random));
  const start = Math.floor(random() * ACQUISITION_DAYS);
  const days = [start];
  for (let weeks = 0; ; ) {
    weeks += -Math.log(1 - random()) / rate;
    const day = start - Math.floor(weeks * 7);
    if (day < 0) break;
    days.push(day);
    if (random() < dropout) break;
  }
  return days;
}

/** The α that makes a customer buy `mean` times on average (bisection over a fixed sample). */
function alphaFor(mean: number): number {
  const average = (alpha: number) => {
    const random = seededRandom(7);
    let count = 0;
    for (let index = 0; index < 4000; index += 1) count += buyingDays(alpha, random).length;
    return count / 4000;
  };
  let low = 0.01;
  let high = 1000;
  for (let step = 0; step < 30; step += 1) {
    const middle = Math.sqrt(low * high);
    if (average(middle) > mean) low = middle;
    else high = middle;
  }
  return Math.sqrt(low * high);
}

/**
 * About `total` purchases, customer after customer from the first contact,
 * dated up to today; every contact buys when `total` allows (at least two
 * purchases each on average), fewer customers otherwise.
 */
export function generatePurchases(contactCount: number, total: number, now = new Date(), seed = 11): GeneratedPurchase[] {
  const random = seededRandom(seed);
  const alpha = alphaFor(Math.max(2, total / contactCount));
  const purchases: GeneratedPurchase[] = [];
  for (let num = 1; num <= contactCount && purchases.length < total; num += 1) {
    const nu = gammaVariate(SPEND_Q, SPEND_GAMMA, random);
    for (const day of buyingDays(alpha, random)) {
      const channel = channels[Math.floor(random() * channels.length)]!;
      const grossCents = Math.max(1, Math.round(gammaVariate(SPEND_P, nu, random) * 100));
      purchases.push({
        customer: customerNumber(num),
        date: dayFrom(now, -day),
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
