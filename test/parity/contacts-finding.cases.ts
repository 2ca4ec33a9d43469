import { expect } from 'vitest';
import type { Contact, ContactListPage, ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { create, displayNames, idOf, ids, pageNames, search } from './checks.ts';
import { ada } from './contacts-editing.cases.ts';
import type { ParityCase } from './parity-case.ts';

const names = (hits: ContactSummary[]) => hits.map((hit) => hit.displayName);

/** Searching and listing contacts. */
export const findingCases: ParityCase[] = [
  {
    name: 'finds a contact by part of its name, email and phone digits, ranked, and nothing for one letter',
    steps: [
      create(ada, 'ada'),
      create({ firstName: 'Grace', lastName: 'Hopper', emails: [{ value: 'grace@navy.example' }], notes: 'Met Ada at a conference.' }),
      ...['ovela', 'ada@analy', '7946', '(20) 7946-09', 'mathem'].map((query) => search(query, ids('ada'))),
      search('Ada', (hits: ContactSummary[]) => {
        displayNames('Ada Lovelace', 'Grace Hopper')(hits);
        expect(hits[0]).toMatchObject({ primaryEmail: 'ada@analytical.example', primaryPhone: '+44 (20) 7946-0958', tags: ['vip', 'mathematics'] });
      }),
      search('ad', (hits) => expect(hits.length).toBe(2)),
      search('a', (hits) => expect(hits).toEqual([])),
    ],
  },
  {
    name: 'ignores accents and case, in short searches and in name order',
    steps: [
      ...[['Ángel', 'Zed'], ['Évariste', 'Galois'], ['Renée', 'Adams'], ['Bob', 'Núñez']].map(([firstName, lastName]) => create({ firstName, lastName })),
      search('an', (hits) => expect(names(hits)).toContain('Ángel Zed')),
      search('ev', displayNames('Évariste Galois')),
      search('ÉVA', displayNames('Évariste Galois')),
      search('nunez', displayNames('Bob Núñez')),
      search('ñu', displayNames('Bob Núñez')),
      { call: 'contacts.list', input: { sort: 'name' }, check: pageNames('Ángel Zed', 'Bob Núñez', 'Évariste Galois', 'Renée Adams') },
    ],
  },
  {
    name: 'finds numbers typed in notes as well as phone digits',
    steps: [
      create({ firstName: 'Cleo', notes: 'Paid 12.50 for the card; invoice 2024-05' }, 'invoice'),
      search('12.50', ids('invoice')),
      search('2024-05', ids('invoice')),
    ],
  },
  {
    name: 'finds a contact by two words in any order, and answers odd input with results, never an error',
    steps: [
      create(ada, 'ada'),
      ...['Ada Lovelace', 'lovelace ada', '"Ada Lovelace"', 'Ada\u0000Lovelace', 'Ad Lovelace', 'Ada Lovelace vip'].map((query) => search(query, ids('ada'))),
      // No check: each answer must only be a success that fits the contract.
      ...['NEAR(', '"', '"""', '* - ^ : +', '(ada) OR (grace)', '\u0000', '\ud800\udfff\ud800', '%_%', 'ada NOT', '((20)) 7946'].map((query) =>
        search(query, undefined),
      ),
    ],
  },
  {
    name: 'finds a contact by its address',
    steps: [
      create({ ...ada, address: { street: '12 St James Square', city: 'London', country: 'UK' } }, 'ada'),
      search('london', ids('ada')),
      search('Ada James Square', ids('ada')),
    ],
  },
  {
    name: 'lists a company’s people, follows a rename, and searches companies alone',
    steps: [
      create({ kind: 'company', company: 'Analytical Engines' }, 'company'),
      { call: 'contacts.create', input: (kept) => ({ ...ada, companyId: kept.company.id }), keep: 'person' },
      create({ firstName: 'Grace', lastName: 'Hopper', company: 'Analytical Engines' }),
      {
        call: 'contacts.list',
        input: (kept) => ({ companyId: kept.company.id }),
        answerLike: (kept) => ({ ok: true, value: { total: 1, nextCursor: null, items: [{ id: kept.person.id, company: 'Analytical Engines' }] } }),
      },
      { call: 'contacts.list', input: { companyId: 'not-a-uuid' }, answerLike: { ok: false, error: { code: 'VALIDATION' } } },
      { call: 'contacts.search', input: { query: 'analytical', kind: 'company' }, check: ids('company') },
      {
        call: 'contacts.update',
        input: (kept) => ({ id: kept.company.id, expectedUpdatedAt: kept.company.updatedAt, fields: { kind: 'company', company: 'Difference Engines' } }),
      },
      { call: 'contacts.get', input: idOf('person'), check: (person: Contact) => expect(person.company).toBe('Difference Engines') },
      search('Ada Difference', ids('person')),
    ],
  },
  {
    name: 'returns at most 50 search results',
    steps: [
      { call: 'contacts.seedSample' },
      ...Array.from({ length: 60 }, (_, index) => create({ firstName: `Searchable${index}`, lastName: 'Person' })),
      search('Searchable', (hits) => expect(hits.length).toBe(50)),
    ],
  },
  {
    name: 'lists contacts by name and by last update, a page at a time, filtered by tag',
    steps: [
      ...([['Cleo', ['vip']], ['Ada', []], ['Bea', ['vip']], ['Dora', []]] as const).map(([firstName, tags]) => create({ firstName, lastName: 'Test', tags })),
      {
        call: 'contacts.list',
        input: { sort: 'name', limit: 3 },
        keep: 'first',
        check: (page: ContactListPage) => {
          expect(page.total).toBe(4);
          pageNames('Ada Test', 'Bea Test', 'Cleo Test')(page);
        },
      },
      {
        call: 'contacts.list',
        input: (kept) => ({ sort: 'name', limit: 3, cursor: kept.first.nextCursor }),
        check: (page: ContactListPage) => {
          pageNames('Dora Test')(page);
          expect(page.nextCursor).toBeNull();
        },
      },
      { call: 'contacts.list', input: { sort: 'name', limit: 4 }, check: (page: ContactListPage) => expect(page.nextCursor).toBeNull() },
      { call: 'contacts.list', input: { sort: 'updated', limit: 10 }, check: pageNames('Dora Test', 'Bea Test', 'Ada Test', 'Cleo Test') },
      { call: 'contacts.list', input: { sort: 'name', offset: 2, limit: 10 }, check: pageNames('Cleo Test', 'Dora Test') },
      {
        call: 'contacts.list',
        input: { tag: 'VIP', limit: 10 },
        check: (page: ContactListPage) => {
          expect(page.total).toBe(2);
          pageNames('Bea Test', 'Cleo Test')(page);
        },
      },
      { call: 'contacts.list', input: { cursor: 'not-a-cursor' }, answerLike: { ok: false, error: { code: 'VALIDATION' } } },
    ],
  },
];
