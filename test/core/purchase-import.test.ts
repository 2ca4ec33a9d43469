import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import type { PurchasePage } from '../../shared/commerce/commerce.schemas.ts';
import { openCommerceCore, type CommerceCore } from './commerce-core.ts';

const fixture = (name: string) => new URL(`../fixtures/purchases/${name}`, import.meta.url).pathname;
const cdnow = new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url).pathname;

let app: CommerceCore;
beforeEach(async () => {
  app = await openCommerceCore();
});
afterEach(() => app.remove());

/** Every live contact with their purchases, by display name. */
async function contactsWithPurchases(): Promise<Map<string, { contact: Contact; purchases: PurchasePage['items'] }>> {
  const { items } = await app.call<{ items: Contact[] }>('contacts.list', { limit: 200 });
  const found = new Map<string, { contact: Contact; purchases: PurchasePage['items'] }>();
  for (const summary of items) {
    const contact = await app.call<Contact>('contacts.get', { id: summary.id });
    found.set(contact.displayName, { contact, purchases: (await app.purchases(contact.id)).items });
  }
  return found;
}

describe('reading purchase files', () => {
  it('UTF-8 with a byte order mark: header names, dollar amounts, a refund in parentheses, new contacts named from the file', async () => {
    const preview = await app.preview(fixture('utf8-bom.csv'));
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ',', hasHeader: true, dateOrder: 'ymd', totalRows: 4, invalid: [], unmatchedRows: 4, unmatchedCustomers: 3 });
    expect(preview.mapping.map((each) => each.field)).toEqual(['customerId', 'email', 'name', 'date', 'amount', 'discount', 'channel', 'description', 'orderRef']);
    const report = await app.importFile(fixture('utf8-bom.csv'));
    expect(report).toMatchObject({ total: 4, imported: 4, skipped: 0, createdContacts: 3, matched: 0, plansStarted: 0 });
    const people = await contactsWithPurchases();
    expect([...people.keys()].sort()).toEqual(['Ada Lovelace', 'Grace Hopper', 'José Ñúñez']);
    const ada = people.get('Ada Lovelace')!;
    expect(ada.contact.emails.map((email) => email.value)).toEqual(['ada@example.com']);
    expect(ada.purchases.map((each) => [each.occurredOn, each.kind, each.grossCents, each.discountCents, each.netCents, each.channel, each.orderRef])).toEqual([
      ['2026-10-15', 'refund', 1_200, 0, -1_200, 'online', '1003'],
      ['2026-10-01', 'sale', 123_456, 3_456, 120_000, 'online', '1001'],
    ]);
    expect(people.get('José Ñúñez')!.purchases[0]).toMatchObject({ grossCents: 4_500, channel: 'phone', description: 'Gift' });
  });

  it('UTF-16LE, tab separated', async () => {
    const report = await app.importFile(fixture('utf16le.txt'));
    expect(report).toMatchObject({ total: 2, imported: 2, createdContacts: 2 });
    expect((await app.preview(fixture('utf16le.txt'))).encoding).toBe('utf-16le');
    const people = await contactsWithPurchases();
    expect(people.get('Zoë Faure')!.purchases.map((each) => each.grossCents)).toEqual([1_050]);
    expect(people.get('Chloé')!.purchases.map((each) => each.grossCents)).toEqual([2_025]);
  });

  it('Windows-1252 with “€” and “é”, semicolons, decimal commas and day-first dates; a negative amount is a refund', async () => {
    const preview = await app.preview(fixture('windows-1252.csv'));
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy', invalid: [] });
    await app.importFile(fixture('windows-1252.csv'));
    const people = await contactsWithPurchases();
    expect(people.get('Renée Dupré')!.purchases.map((each) => [each.occurredOn, each.kind, each.grossCents])).toEqual([
      ['2026-11-06', 'refund', 300],
      ['2026-10-31', 'sale', 123_456],
    ]);
    expect(people.get('Élodie Café')!.purchases.map((each) => [each.occurredOn, each.grossCents])).toEqual([['2026-11-05', 1_250]]);
  });

  it('a file without a header is mapped by its values; month-first unless a day is over 12, and the order can be chosen', async () => {
    const preview = await app.preview(fixture('tab-month-first.tsv'));
    expect(preview).toMatchObject({ delimiter: '\t', hasHeader: false, dateOrder: 'mdy', invalid: [] });
    expect(preview.mapping.map((each) => each.field)).toEqual(['customerId', 'date', 'amount']);
    expect(preview.sample.map((row) => row.occurredOn)).toEqual(['2026-10-13', '2026-11-02', '2026-11-20']);
    const dayFirst = await app.preview(fixture('tab-month-first.tsv'), { dateOrder: 'dmy' });
    expect(dayFirst.invalid).toEqual([
      { line: 1, reason: 'Line 1: the date “10/13/2026” is not a date. Write it as day/month/year, or choose another date format.' },
      { line: 3, reason: 'Line 3: the date “11/20/2026” is not a date. Write it as day/month/year, or choose another date format.' },
    ]);
    expect(dayFirst.sample[1]!.occurredOn).toBe('2026-02-11');
    const report = await app.importFile(fixture('tab-month-first.tsv'));
    expect(report).toMatchObject({ imported: 3, createdContacts: 2 });
    expect((await contactsWithPurchases()).get('Customer 00042')!.purchases.map((each) => each.grossCents)).toEqual([3_000, 1_500]);
  });

  it('skips a broken row in the middle with its line and field, and imports the rest', async () => {
    const report = await app.importFile(fixture('broken-rows.csv'));
    expect(report).toMatchObject({ total: 9, imported: 5, skipped: 4 });
    expect(report.rows.filter((row) => row.outcome === 'skipped').map((row) => row.reason)).toEqual([
      'Line 4: the date “31/31/2026” is not a date. Write it as day/month/year, or choose another date format.',
      'Line 5: the amount “abc” is not an amount. Write it as a number, like 12.50.',
      'Line 7: there is no customer id, email or phone to tell whose purchase it is. Add one to the row, then import again.',
      'Line 9: the quotes do not add up (a quote in the middle of a field on line 9). Fix the row in the file, then import again.',
    ]);
    expect((await app.call<Array<{ skipped: number; imported: number }>>('purchases.imports'))[0]).toMatchObject({ imported: 5, skipped: 4, total: 9 });
  });
});

describe('matching customers', () => {
  it('skip reports each unmatched row; a contact found by email gets the customer id, so the next file finds them by it', async () => {
    const ada = await app.contact('Ada', { emails: [{ value: 'ADA@example.com' }] });
    const preview = await app.preview(fixture('utf8-bom.csv'));
    // Both of Ada's rows find her by email, which comes first; the first links C-001 to her.
    expect(preview).toMatchObject({ matched: { customerId: 0, email: 2, phone: 0 }, unmatchedRows: 2, unmatchedCustomers: 2 });
    const report = await app.importFile(fixture('utf8-bom.csv'), { unmatched: 'skip' });
    expect(report).toMatchObject({ total: 4, imported: 2, matched: 2, skipped: 2, createdContacts: 0 });
    expect(report.rows.map((row) => row.reason)).toEqual([
      'Line 3: no contact has customer id C-002. Add the contact first, or choose “Create a contact for each”.',
      'Line 5: no contact has customer id C-003. Add the contact first, or choose “Create a contact for each”.',
    ]);
    expect((await app.purchases(ada.id)).total).toBe(2);
    // A file with the id and no email finds her by the id alone.
    const idsOnly = fixture('ids-only.csv');
    expect((await app.preview(idsOnly)).matched).toEqual({ customerId: 1, email: 0, phone: 0 });
  });

  it('matches by phone however it is written, and maps columns whose headers it does not know by their values', async () => {
    const kim = await app.contact('Kim', { phones: [{ value: '+1 (555) 012-3456' }] });
    const preview = await app.preview(fixture('phone-unknown-headers.csv'));
    expect(preview.mapping.map((each) => each.field)).toEqual(['phone', 'date', 'amount']);
    expect(preview.matched).toEqual({ customerId: 0, email: 0, phone: 1 });
    const report = await app.importFile(fixture('phone-unknown-headers.csv'));
    expect(report).toMatchObject({ imported: 1, matched: 1, createdContacts: 0 });
    expect((await app.purchases(kim.id)).items.map((each) => [each.occurredOn, each.grossCents])).toEqual([['2026-11-03', 4_200]]);
  });

  it('CDNOW: columns lined up by spaces, all 6,919 rows in, one contact per customer, every cent; the second import finds everyone by customer id', async () => {
    const preview = await app.preview(cdnow);
    expect(preview).toMatchObject({ delimiter: 'whitespace', hasHeader: false, dateOrder: 'ymd', totalRows: 6_919, invalid: [], unmatchedCustomers: 2_357 });
    expect(preview.mapping.map((each) => each.field)).toEqual(['customerId', 'skip', 'date', 'skip', 'amount']);
    app.events.length = 0;
    const report = await app.importFile(cdnow);
    expect(report).toMatchObject({ total: 6_919, imported: 6_919, skipped: 0, createdContacts: 2_357, plansStarted: 0 });
    const progress = app.events.filter((event) => event.name === 'purchases.importProgress').map((event) => event.payload);
    expect(progress.at(-1)).toEqual({ done: 6_919, total: 6_919 });
    // The file's amounts, added up in cents from their text.
    const fileCents = readFileSync(cdnow, 'utf8').trim().split('\n').reduce((sum, line) => {
      const [whole, fraction = ''] = line.trim().split(/\s+/)[4]!.split('.');
      return sum + Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    }, 0);
    const sum = await sumOfImported();
    expect(sum).toEqual({ rows: 6_919, cents: fileCents });

    const second = await app.importFile(cdnow);
    expect(second).toMatchObject({ imported: 6_919, createdContacts: 0, matched: 6_919 });
  });
});

/** Adds up every live purchase of every contact through purchases.list. */
async function sumOfImported(): Promise<{ rows: number; cents: number }> {
  let rows = 0;
  let cents = 0;
  let cursor: string | undefined;
  const seen: string[] = [];
  do {
    const page = await app.call<{ items: Contact[]; nextCursor: string | null }>('contacts.list', { limit: 200, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((contact) => contact.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const id of seen) {
    const page = await app.purchases(id, { limit: 200 });
    rows += page.items.length;
    cents += page.items.reduce((sum, each) => sum + each.grossCents, 0);
  }
  return { rows, cents };
}
