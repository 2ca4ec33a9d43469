import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import { openCommerceCore, type CommerceCore } from './commerce-core.ts';

const fixture = (name: string) => new URL(`../fixtures/purchases/${name}`, import.meta.url).pathname;

let app: CommerceCore;
beforeEach(async () => {
  app = await openCommerceCore();
});
afterEach(() => app.remove());

/** Marta, Olu and Zoë, saved with the emails the fixtures use. */
async function threeContacts(): Promise<Record<'marta' | 'olu' | 'zoe', Contact>> {
  return {
    marta: await app.contact('Marta', { emails: [{ value: 'marta@example.pl' }] }),
    olu: await app.contact('Olu', { emails: [{ value: 'olu@example.ng' }] }),
    zoe: await app.contact('Zoë', { emails: [{ value: 'zoe@example.org' }] }),
  };
}

const amountsOf = async (contact: Contact) => (await app.purchases(contact.id)).items.map((each) => each.grossCents).sort((a, b) => a - b);

describe('a column of repeated words is never a customer id', () => {
  it('“Status” (paid, paid, paid) next to an email column is left unmapped, and each row goes to its own contact', async () => {
    const people = await threeContacts();
    const preview = await app.preview(fixture('status-column.csv'));
    expect(preview.mapping.map((each) => each.field)).toEqual(['email', 'skip', 'date', 'amount']);
    expect(preview.matched).toEqual({ customerId: 0, email: 3, phone: 0 });
    const report = await app.importFile(fixture('status-column.csv'));
    expect(report).toMatchObject({ imported: 3, matched: 3, createdContacts: 0 });
    expect(await amountsOf(people.marta)).toEqual([1_000]);
    expect(await amountsOf(people.olu)).toEqual([2_000]);
    expect(await amountsOf(people.zoe)).toEqual([3_000]);
  });

  it('Shopify’s “Financial Status” is no customer id either', async () => {
    const people = await threeContacts();
    const preview = await app.preview(fixture('shopify-status.csv'));
    expect(preview.mapping.find((each) => each.field === 'customerId')).toBeUndefined();
    await app.importFile(fixture('shopify-status.csv'));
    expect(await amountsOf(people.marta)).toEqual([1_000, 4_000]);
    expect(await amountsOf(people.olu)).toEqual([2_000]);
    expect(await amountsOf(people.zoe)).toEqual([3_000]);
  });

  it('a Square file’s “Kanal” (Laden, Online) is no customer id: customers are told apart by phone; its dotted dates are day first', async () => {
    const preview = await app.preview(fixture('square-kanal.csv'));
    expect(preview.mapping.map((each) => each.field)).toEqual(['date', 'skip', 'phone', 'amount']);
    expect(preview.dateOrder).toBe('dmy');
    const report = await app.importFile(fixture('square-kanal.csv'));
    expect(report).toMatchObject({ imported: 4, createdContacts: 3 });
    const { items } = await app.call<{ items: Contact[] }>('contacts.list', { limit: 50 });
    const byPhone = new Map<string, number[]>();
    for (const contact of items) {
      const full = await app.call<Contact>('contacts.get', { id: contact.id });
      byPhone.set(full.phones[0]!.value, (await app.purchases(contact.id)).items.map((each) => each.grossCents).sort((a, b) => a - b));
    }
    expect(byPhone).toEqual(new Map([['+48 600 100 200', [1_000, 4_000]], ['+234 801 234 5678', [2_000]], ['+46 70 123 45 67', [3_000]]]));
    expect(preview.sample.map((row) => row.occurredOn)).toEqual(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']);
  });
});

describe('an email or phone wins over a customer id', () => {
  it('rows sharing customer id 7 stay with the contacts their emails name; the id stays with the first, and finds her for a row without an email', async () => {
    const people = await threeContacts();
    const preview = await app.preview(fixture('shared-customer-id.csv'));
    expect(preview.mapping.map((each) => each.field)).toEqual(['email', 'customerId', 'date', 'amount']);
    expect(preview.matched).toEqual({ customerId: 1, email: 3, phone: 0 });
    await app.importFile(fixture('shared-customer-id.csv'));
    expect(await amountsOf(people.marta)).toEqual([1_000, 4_000]);
    expect(await amountsOf(people.olu)).toEqual([2_000]);
    expect(await amountsOf(people.zoe)).toEqual([3_000]);
    // The next import of the same file: the saved id 7 (Marta's) pulls no one else to her.
    await app.importFile(fixture('shared-customer-id.csv'));
    expect(await amountsOf(people.olu)).toEqual([2_000, 2_000]);
    expect(await amountsOf(people.zoe)).toEqual([3_000, 3_000]);
    expect(await amountsOf(people.marta)).toEqual([1_000, 1_000, 4_000, 4_000]);
  });
});

describe('kind words as exports write them', () => {
  it('paid, completed → sale; refunded, credit note → refund; closed → closing, in any case; an unknown word skips its row, naming the line and the word', async () => {
    const report = await app.importFile(fixture('kind-words.csv'));
    expect(report).toMatchObject({ total: 6, imported: 5, skipped: 1, createdContacts: 1 });
    expect(report.rows.filter((row) => row.outcome === 'skipped').map((row) => row.reason)).toEqual([
      'Line 7: the kind “gift” is not a word Ambassador knows. Write sale, closing or refund in that cell.',
    ]);
    const contactId = report.rows.find((row) => row.outcome === 'imported')!.contactId!;
    const kinds = (await app.purchases(contactId)).items.map((each) => [each.occurredOn, each.kind]);
    expect(kinds).toEqual([
      ['2026-11-05', 'closing'],
      ['2026-11-04', 'refund'],
      ['2026-11-03', 'refund'],
      ['2026-11-02', 'sale'],
      ['2026-11-01', 'sale'],
    ]);
  });
});

describe('messages say what to do', () => {
  it('a second undo of an import is refused in a whole sentence', async () => {
    const report = await app.importFile(fixture('ids-only.csv'));
    await app.call('purchases.undoImport', { batchId: report.batchId });
    expect(await app.refusal('purchases.undoImport', { batchId: report.batchId })).toMatchObject({
      code: 'VALIDATION',
      paths: ['batchId'],
      message: 'That import was already undone: its purchases are gone. Import the file again to bring them back.',
    });
  });
});
