import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ContactFieldsInput } from '../../shared/contacts/contacts.schemas.ts';
import { foldText, searchTerms } from '../../src-main/core/db/text-search.ts';
import { generateContacts } from '../bench/generate-contacts.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

// Search ranks by prefix keys and a bounded look into the full-text index, never
// every match. On a fixed book it must find what the old full scan found (every
// term somewhere in some column, folded), put name, company, email, phone and
// tag matches before notes-only ones, and never show the Trash.

type Columns = { name: string; company: string; emails: string; phones: string; tags: string; notes: string; address: string };

function columnsOf(contact: Contact): Columns {
  const address = contact.address ? Object.values(contact.address).join(' ') : '';
  return {
    name: foldText(contact.displayName),
    company: foldText(contact.company),
    emails: foldText(contact.emails.map((email) => email.value).join(' ')),
    phones: foldText(contact.phones.map((phone) => `${phone.value} ${phone.value.replace(/\D/g, '')}`).join(' ')),
    tags: foldText(contact.tags.join(' ')),
    notes: foldText(contact.notes),
    address: foldText(address),
  };
}

const strongColumns = ['name', 'company', 'emails', 'phones', 'tags'] as const;
const found = (texts: string[], spellings: string[]) => texts.some((text) => spellings.some((spelling) => text.includes(spelling)));

const startsAWord = (text: string, spelling: string) => text.startsWith(spelling) || text.includes(` ${spelling}`) || ['.', '@', '-', '_', '+', '('].some((mark) => text.includes(`${mark}${spelling}`));

/** A term at the start of a word of a name, company, email, phone or tag: what search's prefix keys hold. */
function byKey(contact: Contact, query: string): boolean {
  const columns = columnsOf(contact);
  const [spellings, ...others] = searchTerms(query);
  return others.length === 0 && strongColumns.some((column) => spellings!.some((spelling) => startsAWord(columns[column], spelling)));
}

/** The old semantics, computed here on its own: every term in some column. */
function matches(contact: Contact, query: string): boolean {
  const columns = Object.values(columnsOf(contact));
  const terms = searchTerms(query);
  return terms.length > 0 && terms.every((spellings) => found(columns, spellings));
}

/** Every term found in a name, company, email, phone or tag, not only in notes or address. */
function strong(contact: Contact, query: string): boolean {
  const columns = columnsOf(contact);
  return searchTerms(query).every((spellings) => found(strongColumns.map((column) => columns[column]), spellings));
}

const queries = [
  'maya', 'chen', 'maya chen', 'chen maya', '"maya chen"', 'lovelace', 'grace hopper', 'omar', 'coffee', 'refinance', 'the', 'house',
  'garden maya', 'ch', 'ma', 'en', 'qu', 'xy', '555', '0142', '555-01', '(212)', 'maya.chen', 'mail.example', '@mail', 'bluebird',
  'harbor lane', 'vip', 'first-home', 'zebra', 'maya zebra', 'ovela', 'ip', 'kim', 'lindqvist', 'morning call', 'zz', 'ada l',
];

const extras: ContactFieldsInput[] = [
  { firstName: 'Maya', lastName: 'Chen', emails: [{ value: 'maya@chen.example' }], phones: [{ value: '+1 (212) 555-0142' }], notes: 'Loves the garden.' },
  { firstName: 'Zoe', lastName: 'Ward', notes: 'Met maya chen at the open house.' },
  { kind: 'company', company: 'Chen Holdings', tags: ['vip'] },
  { kind: 'company', company: 'Mayfair Bluebird Bakery', notes: 'maya buys bread here' },
  { firstName: 'Al', lastName: 'Ip', notes: 'Quiet.' },
];

describe('search finds what the full scan found, best matches first', () => {
  let api: ContactsCore;
  let live: Contact[];
  let trashed: Contact[];
  beforeAll(async () => {
    api = await openContactsCore();
    const created: Contact[] = [];
    for (const fields of [...generateContacts(320, 7, true), ...extras]) created.push(await api.create(fields));
    // Every tenth contact goes to the Trash, one of them a Maya Chen-like match.
    trashed = created.filter((_, index) => index % 10 === 3);
    trashed.push(await api.create({ firstName: 'Maya', lastName: 'Chen', notes: 'deleted' }));
    for (const contact of trashed) api.value(await api.call('contacts.delete', { id: contact.id }));
    const gone = new Set(trashed.map((contact) => contact.id));
    live = created.filter((contact) => !gone.has(contact.id));
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it.each(queries)('%s: every match when there are at most 50, only matches, strong ones first, none from the Trash', async (query) => {
    const hits = (await api.search(query)).map((hit) => hit.id);
    const byId = new Map(live.map((contact) => [contact.id, contact]));
    const expected = live.filter((contact) => matches(contact, query)).map((contact) => contact.id);
    if (expected.length <= 50) expect(new Set(hits)).toEqual(new Set(expected));
    else expect(hits).toHaveLength(50);
    for (const id of hits) expect(expected, `${id} does not match ${query}`).toContain(id);
    for (const contact of trashed) expect(hits).not.toContain(contact.id);
    const strength = hits.map((id) => strong(byId.get(id)!, query));
    const firstWeak = strength.indexOf(false);
    if (firstWeak !== -1) expect(strength.slice(firstWeak), `a name, email or phone match after a notes-only one for ${query}`).not.toContain(true);
    // When more match than a page, one term at the start of a word of a name, email, phone… is on it, however many others match.
    const keyed = expected.filter((id) => byKey(byId.get(id)!, query));
    if (searchTerms(query).length === 1) expect(hits.filter((id) => keyed.includes(id)).length, query).toBe(Math.min(keyed.length, 50));
  });

  it('finds the person by "first last" first, and by "last first"', async () => {
    expect((await api.search('maya chen'))[0]?.displayName).toBe('Maya Chen');
    expect((await api.search('Maya Chen'))[0]?.displayName).toBe('Maya Chen');
    expect((await api.search('chen maya')).map((hit) => hit.displayName)).toContain('Maya Chen');
    const zoe = await api.search('maya chen');
    expect(zoe.findIndex((hit) => hit.displayName === 'Zoe Ward')).toBeGreaterThan(zoe.findIndex((hit) => hit.displayName === 'Maya Chen'));
  });

  it('keeps to the kind asked for', async () => {
    for (const query of ['chen', 'maya', 'vip', 'bluebird', 'ma', '555']) {
      const companies = await api.search(query, 'company');
      const expected = live.filter((contact) => contact.kind === 'company' && matches(contact, query)).map((contact) => contact.id);
      expect(new Set(companies.map((hit) => hit.id)), query).toEqual(new Set(expected));
      const people = await api.search(query, 'person');
      expect(people.every((hit) => hit.kind === 'person'), query).toBe(true);
      expect(people.length, query).toBe(Math.min(50, live.filter((contact) => contact.kind === 'person' && matches(contact, query)).length));
    }
  });

  it('finds a contact again once it is restored from the Trash, with its keys', async () => {
    const maya = trashed.at(-1)!;
    expect((await api.search('maya chen')).map((hit) => hit.id)).not.toContain(maya.id);
    api.value(await api.call('contacts.restore', { id: maya.id }));
    expect((await api.search('maya chen')).map((hit) => hit.id)).toContain(maya.id);
    api.value(await api.call('contacts.delete', { id: maya.id }));
  });
});
