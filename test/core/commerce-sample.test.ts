import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Purchase } from '../../shared/commerce/commerce.schemas.ts';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { openCommerceCore, type CommerceCore } from './commerce-core.ts';

let app: CommerceCore;
beforeEach(async () => {
  app = await openCommerceCore();
});
afterEach(() => app.remove());

async function samplePurchases(): Promise<Map<string, Purchase[]>> {
  app.events.length = 0;
  await app.call('contacts.seedSample');
  const { items } = await app.call<{ items: ContactSummary[] }>('contacts.list', { limit: 200 });
  const byContact = new Map<string, Purchase[]>();
  for (const contact of items) {
    const { items: purchases } = await app.purchases(contact.id, { limit: 200 });
    if (purchases.length > 0) byContact.set(contact.id, purchases);
  }
  return byContact;
}

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('sample purchases', () => {
  it('two years of varied purchases for the sample people, with a closing, a refund, a lapsed customer and a new one; no plan starts', async () => {
    const byContact = await samplePurchases();
    const all = [...byContact.values()].flat();
    // The sample counts back from the local day it is loaded on.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((each) => each.kind === 'closing')).toHaveLength(1);
    expect(all.filter((each) => each.kind === 'refund')).toHaveLength(1);
    expect(new Set(all.map((each) => each.channel))).toEqual(new Set(['store', 'online', 'phone', 'referral']));
    expect(all.some((each) => each.discountCents > 0 && each.discountReason !== '')).toBe(true);
    expect(all.every((each) => each.kind === 'refund' || each.productCostCents > 0 || each.kind === 'closing')).toBe(true);
    expect(all.some((each) => each.channelCostCents > 0)).toBe(true);
    const dates = all.map((each) => each.occurredOn).sort();
    expect(dates[0]! <= daysBefore(today, 690)).toBe(true);
    expect(dates.at(-1)! <= today).toBe(true);
    const spans = [...byContact.values()].map((purchases) => ({ first: purchases.at(-1)!.occurredOn, last: purchases[0]!.occurredOn }));
    expect(spans.some((span) => span.last <= daysBefore(today, 365))).toBe(true);
    expect(spans.some((span) => span.first >= daysBefore(today, 31))).toBe(true);
    expect(await app.runs({})).toEqual([]);
    expect(all.every((each) => each.importBatchId === null)).toBe(true);
  });

  it('is the same every time', async () => {
    const shape = (byContact: Map<string, Purchase[]>) =>
      [...byContact.values()].map((purchases) => purchases.map((each) => [each.kind, each.occurredOn, each.grossCents, each.discountCents, each.channel, each.channelCostCents, each.productCostCents]));
    const first = shape(await samplePurchases());
    await app.remove();
    app = await openCommerceCore();
    expect(shape(await samplePurchases())).toEqual(first);
  });
});
