import { addToDate } from '../followups/followups.service.ts';
import type { PurchaseTable } from './commerce.table.ts';

type SamplePurchase = Pick<
  PurchaseTable,
  'contact_id' | 'kind' | 'occurred_on' | 'description' | 'gross_cents' | 'discount_cents' | 'discount_reason' | 'product_cost_cents' | 'channel' | 'channel_cost_cents'
>;

const channels = ['store', 'online', 'phone', 'referral'] as const;
/** What each channel costs per sale, in percent of the amount (card and marketplace fees, referral thanks). */
const channelCostPercent: Record<(typeof channels)[number], number> = { store: 2, online: 6, phone: 2, referral: 10 };
const items = ['Gift basket', 'Annual service plan', 'Consultation', 'Accessories', 'Maintenance visit', 'Starter kit'];

/** The same numbers on every run: sample data is meant to look the same for everyone. */
function numbers(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Purchases over the last two years for the sample people, so Insights has
 * something to draw: the first is a steady customer, the second stopped buying a
 * year ago, the third is new since last month, the fourth bought a home (one
 * closing) and got one refund; the rest buy now and then, and one in four of them
 * has stopped. Days are counted back
 * from `today`.
 */
export function samplePurchases(personIds: string[], today: string): SamplePurchase[] {
  const random = numbers(20_261_202);
  const purchases: SamplePurchase[] = [];
  const sale = (contactId: string, daysAgo: number, grossCents: number, more: Partial<SamplePurchase> = {}) => {
    const channel = channels[Math.floor(random() * channels.length)]!;
    const discounted = random() < 0.2;
    purchases.push({
      contact_id: contactId,
      kind: 'sale',
      occurred_on: addToDate(today, -daysAgo, 'days'),
      description: items[Math.floor(random() * items.length)]!,
      gross_cents: grossCents,
      discount_cents: discounted ? Math.round(grossCents * 0.1) : 0,
      discount_reason: discounted ? 'Loyal customer' : '',
      product_cost_cents: Math.round(grossCents * (0.35 + random() * 0.2)),
      channel,
      channel_cost_cents: Math.round((grossCents * channelCostPercent[channel]) / 100),
      ...more,
    });
  };
  const amount = () => 2_000 + Math.round(random() * 300) * 100;
  personIds.forEach((id, index) => {
    if (index === 0) for (let daysAgo = 725; daysAgo > 3; daysAgo -= 28 + Math.floor(random() * 10)) sale(id, daysAgo, amount());
    else if (index === 1) for (let daysAgo = 720; daysAgo > 365; daysAgo -= 40 + Math.floor(random() * 20)) sale(id, daysAgo, amount());
    else if (index === 2) {
      sale(id, 27, amount());
      sale(id, 9, amount());
    } else if (index === 3) {
      sale(id, 400, amount());
      sale(id, 240, 1_250_000, { kind: 'closing', description: 'Home closing: 14 Elm Street', channel: 'referral', discount_cents: 0, discount_reason: '', product_cost_cents: 0, channel_cost_cents: 250_000 });
      sale(id, 90, amount());
      purchases.push({ ...purchases.at(-1)!, kind: 'refund', occurred_on: addToDate(today, -80, 'days'), description: 'Returned: did not fit', discount_cents: 0, discount_reason: '', product_cost_cents: 0, channel_cost_cents: 0 });
    } else {
      const every = 60 + Math.floor(random() * 120);
      // One in four has stopped buying, six months to a year and a half ago: the models need to see customers leave.
      const stoppedDaysAgo = index % 4 === 0 ? 180 + Math.floor(random() * 360) : 0;
      for (let daysAgo = 700 - Math.floor(random() * 300); daysAgo > stoppedDaysAgo; daysAgo -= every + Math.floor(random() * 30)) sale(id, daysAgo, amount());
    }
  });
  return purchases;
}
