import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contacts/contacts.schemas.ts';
import { sampleContacts } from '../../src-main/core/contacts/sample-contacts.ts';
import { openContactsCore, type ContactsCore } from './contacts-core.ts';

// What a user types is text, never FTS5 syntax. The index is real (a database
// file in a temp folder); only the queries are generated.

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { int, pick, chance: (p: number) => next() < p };
}

const fts5Syntax = [
  'AND', 'OR', 'NOT', 'NEAR', 'NEAR(', 'NEAR(ada lovelace, 2)', 'NEAR/2', 'and', 'or', 'not', 'near(',
  '"', '""', '"""', "'", '*', 'ada*', '*ada', '-', '-ada', '^', '^ada', ':', 'name:', 'name:ada', '{name company}:ada',
  '-{notes}:x', '+', '+ada', '(', ')', '()', '(ada', 'ada)', '((', '))', '{', '}', '[', ']', ',', '.', '/', '\\', '%', '_',
  '%%', '_%', 'a%', '\\%', ';', '--', '/*', '*/', "' or 1=1 --", 'rank:', 'bm25(', 'MATCH', 'rowid', 'NULL',
];
const controls = ['\0', '\x01', '\x07', '\b', '\t', '\n', '\v', '\f', '\r', '\x1b', '\x7f', '\x85', '\x9f', '\ud800', '\udfff', '\udc00\ud800'];
const unicode = [
  'Ángel', 'núñez', 'NÚÑEZ', '日本語', '東京', '😀', '😀😀', '👨‍👩‍👧', 'ß', 'ẞ', 'İ', 'ı', 'ﬁ', '㎑', '¨', 'ﷺ', 'محمد', 'שלום',
  '\u0301', 'e\u0301', '\u200b', '\u200f', '\u2028', '\ufeff', '\ufffd', '\u3000', '\u00a0', 'Ω', 'Ⅻ', '①', '𝔄𝔡𝔞', 'ǅ',
];
const known = ['ada', 'lovelace', 'Ada', 'LOVELACE', 'ad', 'lo', 'a', 'x', 'grace', 'hopper', 'analytical', 'example', '555', '(503)', '503-555', '+44', '7946', 'vip', 'gardening'];
const separators = [' ', ' ', ' ', '', '  ', '\t', '\u3000'];

function randomCodePoint(random: ReturnType<typeof seeded>): string {
  const ranges: Array<[number, number]> = [[0x20, 0x7e], [0x00, 0x1f], [0xa0, 0x24f], [0x300, 0x36f], [0x370, 0x3ff], [0x590, 0x6ff], [0x2000, 0x206f], [0x3000, 0x30ff], [0x4e00, 0x4fff], [0xd800, 0xdfff], [0xfb00, 0xfdff], [0xfe00, 0xffff], [0x1f300, 0x1f6ff], [0x10000, 0x10ffff]];
  const [low, high] = random.pick(ranges);
  return String.fromCodePoint(low + random.int(high - low + 1));
}

function randomQuery(random: ReturnType<typeof seeded>): string {
  const parts: string[] = [];
  const count = 1 + random.int(random.chance(0.1) ? 40 : 8);
  for (let index = 0; index < count; index += 1) {
    const kind = random.int(6);
    let part: string;
    if (kind === 0) part = random.pick(fts5Syntax);
    else if (kind === 1) part = random.pick(controls);
    else if (kind === 2) part = random.pick(unicode);
    else if (kind === 3) part = random.pick(known);
    else if (kind === 4) part = Array.from({ length: 1 + random.int(random.chance(0.2) ? 150 : 4) }, () => randomCodePoint(random)).join('');
    else part = random.pick(['a', 'ab', 'abc', 'x', 'xy', '1', '12', '123', '12.50', '2024-05']);
    parts.push(part, random.pick(separators));
  }
  // At most what the contract accepts; cutting may split a surrogate pair, which is fine: users paste worse.
  return parts.join('').slice(0, 200);
}

const ada = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines',
  emails: [{ value: 'ada@analytical.example' }],
  phones: [{ value: '+44 (20) 7946-0958' }],
  tags: ['vip', 'mathematics'],
  notes: 'Prefers letters on cream paper. Said "NEAR(x)" AND "-y" OR *z* once; 50% off; snake_case.',
};

describe('contact search takes what the user typed as text', () => {
  let api: ContactsCore;
  let lovelace: Contact;
  beforeAll(async () => {
    api = await openContactsCore();
    lovelace = await api.create(ada);
    await api.create({ firstName: 'Grace', lastName: 'Hopper', notes: 'Met Ada at a conference. (555) 0123 is her desk.' });
  });
  afterAll(async () => {
    await api.close();
  });
  const ids = async (query: string) => (await api.search(query)).map((hit) => hit.id);

  it('finds a contact by two or more words, in any order, and by a quoted phrase', async () => {
    for (const query of [
      'Ada Lovelace',
      'Lovelace Ada',
      'ada   LOVELACE',
      '"Ada Lovelace"',
      '“Ada Lovelace”',
      '"Ada Lovelace',
      'Ada Lovelace"',
      '"Ada" "Lovelace"',
      'Lovelace Analytical Engines',
      'ovela analyt',
      'Ada Lovelace vip',
      'Ad Lovelace',
      'ad lo',
      'Ada\0Lovelace',
      'Ada\u0000 Lovelace\u0007',
      '\tAda\nLovelace\r',
    ]) {
      expect(await ids(query), query).toContain(lovelace.id);
    }
    expect((await ids('Ada Lovelace'))[0]).toBe(lovelace.id);
    // A quoted phrase means those words together, in that order.
    expect(await ids('"Lovelace Ada"')).toEqual([]);
    expect(await ids('Ada Lovelace Hopper')).toEqual([]);
  });

  it('searches FTS5 operators, keywords and quotes as plain text', async () => {
    expect(await ids('NEAR(x)')).toEqual([lovelace.id]);
    expect(await ids('"-y" OR *z*')).toEqual([lovelace.id]);
    expect(await ids('*z*')).toEqual([lovelace.id]);
    expect(await ids('Ada AND Lovelace')).toEqual([lovelace.id]);
    expect(await ids('Ada OR Hopper')).toEqual([]);
    expect(await ids('Ada NOT Lovelace')).toEqual([]);
    expect(await ids('lovelace*')).toEqual([]);
    expect(await ids('name:lovelace')).toEqual([]);
    expect(await ids('^lovelace')).toEqual([]);
  });

  it('escapes LIKE wildcards on the short-term path', async () => {
    expect(await ids('0%')).toEqual([lovelace.id]);
    expect(await ids('e_')).toEqual([lovelace.id]);
    expect(await ids('%%')).toEqual([]);
    expect(await ids('__')).toEqual([]);
    expect(await ids('\\%')).toEqual([]);
    expect(await ids('\0\0')).toEqual([]);
    expect(await ids("''")).toEqual([]);
    // One letter finds nothing, however it is dressed up.
    for (const query of ['a', ' a ', '\0a', 'a\u0007', '"a"', '"a', '\ud800a']) expect(await ids(query), query).toEqual([]);
  });

  it('reads digits as a phone number, and odd punctuation never fails', async () => {
    expect(await ids('7946 0958')).toEqual([lovelace.id]);
    expect(await ids('(20) 7946-09')).toEqual([lovelace.id]);
    expect(await ids('\x007946\x00')).toEqual([lovelace.id]);
    const grace = await ids('(555) 0123');
    expect(grace).toHaveLength(1);
    for (const query of ['(((', ')))', '+-+', '--', '..', '//', '00', '0 0', '(0)', '+1 (', '+', '5 5 5', ') 555 (', '-1', '1-', '1.2.3', '+44 (', '((20))']) {
      const result = await api.call('contacts.search', { query });
      expect(result.ok, query).toBe(true);
    }
  });

});

describe('contact search over the sample address book', () => {
  let api: ContactsCore;
  beforeAll(async () => {
    api = await openContactsCore();
    api.value(await api.call('contacts.seedSample', {}));
    await api.create(ada);
  });
  afterAll(async () => {
    await api.close();
  });

  it('never answers thousands of random queries with an error', { timeout: 120_000 }, async () => {
    const random = seeded(20261202);
    const failures: Array<{ query: string; error: unknown }> = [];
    let found = 0;
    for (let index = 0; index < 3000; index += 1) {
      const query = randomQuery(random);
      const kind = random.pick([undefined, undefined, 'person', 'company'] as const);
      const result = await api.call('contacts.search', kind ? { query, kind } : { query });
      if (!result.ok || !Array.isArray(result.value)) failures.push({ query, error: result.ok ? result.value : result.error });
      else if (result.value.length > 0) found += 1;
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The generator must reach queries that find something, or the test proves little.
    expect(found).toBeGreaterThan(100);
  });

  it('finds every sample person by "first last", "last first" and the quoted name', async () => {
    for (const person of sampleContacts().filter((sample) => sample.kind === 'person')) {
      const { firstName, lastName } = person;
      const name = `${firstName} ${lastName}`;
      for (const query of [name, `${lastName} ${firstName}`, `"${name}"`, name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()]) {
        const hits = await api.search(query);
        expect(hits.map((hit) => hit.displayName), query).toContain(name);
      }
      expect((await api.search(`"${name}"`))[0]?.displayName).toBe(name);
    }
  });
});

describe('addresses in search', () => {
  let api: ContactsCore;
  beforeAll(async () => {
    api = await openContactsCore();
  });
  afterAll(async () => {
    await api.close();
  });
  const address = (city: string) => ({ street: '12 Maple Ave', city, region: 'OR', postalCode: '97201', country: 'USA' });

  it('finds a contact by any part of its address, ranked below a match in the name', async () => {
    const ada = await api.create({ firstName: 'Ada', address: address('Portland') });
    const named = await api.create({ firstName: 'Portland', lastName: 'Jones' });
    const noted = await api.create({ firstName: 'Cleo', notes: 'Moved away from Portland.' });
    const zurich = await api.create({ firstName: 'Grace', address: address('Zürich') });
    const hits = (await api.search('portland')).map((hit) => hit.id);
    expect(hits[0]).toBe(named.id);
    expect(new Set(hits)).toEqual(new Set([ada.id, named.id, noted.id]));
    expect((await api.search('Maple Ave 97201 USA')).map((hit) => hit.id).sort()).toEqual([ada.id, zurich.id].sort());
    expect((await api.search('zurich')).map((hit) => hit.id)).toEqual([zurich.id]);
    expect((await api.search('zü')).map((hit) => hit.id)).toEqual([zurich.id]);
    expect((await api.search('Ada Portland')).map((hit) => hit.id)).toEqual([ada.id]);

    const moved = api.value<{ updatedAt: string }>(
      await api.call('contacts.update', { id: ada.id, expectedUpdatedAt: ada.updatedAt, fields: { firstName: 'Ada', address: address('Salem') } }),
    );
    expect((await api.search('Ada Portland')).map((hit) => hit.id)).toEqual([]);
    expect((await api.search('Ada Salem')).map((hit) => hit.id)).toEqual([ada.id]);
    api.value(await api.call('contacts.update', { id: ada.id, expectedUpdatedAt: moved.updatedAt, fields: { firstName: 'Ada', address: null } }));
    expect((await api.search('Ada Salem')).map((hit) => hit.id)).toEqual([]);
  });
});
