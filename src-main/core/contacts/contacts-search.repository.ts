import { sql, type Kysely } from 'kysely';
import type { ContactKind } from '../../../shared/contacts/contacts.schemas.ts';
import { insertMany } from '../db/bulk-insert.ts';
import type { Database } from '../db/schema.ts';
import { foldText, foundByScan, matchable, matchPairsAndLonger, searchTerms } from '../db/text-search.ts';
import { rankMatches, type SearchedText } from './contacts.search-rank.ts';
import { companyKeys, searchFields } from './contacts.search-keys.ts';
import type { ContactSearchRow } from './contacts.table.ts';

// Search never ranks every match: a bounded look into the full-text index (in
// rowid order, stopping after a page) and ranges of prefix keys that stop at
// the page size. Every write of the full-text index writes the keys beside it.

export type SearchOptions = { kind?: ContactKind | undefined; limit: number };

const textColumns = ['name', 'company', 'emails', 'phones', 'tags', 'notes', 'address'] as const;
const keyColumns = ['field', 'key', 'num', 'kind'] as const;

const ftsValues = (entries: ContactSearchRow[]) => entries.map((entry) => [entry.rowid, ...textColumns.map((column) => entry[column] ?? '')]);
const keyValues = (entries: ContactSearchRow[]) => entries.flatMap((entry) => entry.keys.map(([field, key]) => [field, key, entry.rowid, entry.kind]));
const numsJson = (nums: number[]) => sql<number>`(select value from json_each(${JSON.stringify(nums)}))`;

export async function insertSearchEntries(db: Kysely<Database>, entries: ContactSearchRow[]): Promise<void> {
  await insertMany(db as Kysely<unknown>, 'contacts_fts', ['rowid', ...textColumns], ftsValues(entries));
  await insertMany(db as Kysely<unknown>, 'contact_search_keys', keyColumns, keyValues(entries));
}

export async function indexContact(db: Kysely<Database>, entry: ContactSearchRow): Promise<void> {
  await removeFromIndex(db, entry.rowid);
  await insertSearchEntries(db, [entry]);
}

export async function removeFromIndex(db: Kysely<Database>, num: number): Promise<void> {
  await removeManyFromIndex(db, [num]);
}

/** Takes contacts out of search (put in the Trash). */
export async function removeManyFromIndex(db: Kysely<Database>, nums: number[]): Promise<void> {
  if (nums.length === 0) return;
  await db.deleteFrom('contacts_fts').where('rowid', 'in', numsJson(nums)).execute();
  await db.deleteFrom('contact_search_keys').where('num', 'in', numsJson(nums)).execute();
}

export async function clearSearchIndex(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('contacts_fts').execute();
  await db.deleteFrom('contact_search_keys').execute();
}

/** The company text search matches, for people already in the index. */
export async function reindexCompany(db: Kysely<Database>, nums: number[], company: string): Promise<void> {
  if (nums.length === 0) return;
  await db.updateTable('contacts_fts').set({ company: foldText(company) }).where('rowid', 'in', nums).execute();
  await db.deleteFrom('contact_search_keys').where('num', 'in', numsJson(nums)).where('field', '=', searchFields.company).execute();
  const keys = nums.flatMap((num) => companyKeys(company).map((key) => [searchFields.company, key, num, 'person']));
  await insertMany(db as Kysely<unknown>, 'contact_search_keys', keyColumns, keys);
}

/** Up to `limit` contacts every term matches, in rowid order (no ranking: the index stops at the limit). */
async function matchingNums(db: Kysely<Database>, terms: string[][], kind: ContactKind | undefined, limit: number): Promise<number[]> {
  const indexed = terms.filter(matchable);
  const scanned = terms.filter((spellings) => !matchable(spellings)).map((spellings) => sql`and ${foundByScan(textColumns.map((column) => `f.${column}`), spellings)}`);
  const ofKind = kind === undefined ? sql`` : sql`join contacts c on c.num = f.rowid and c.kind = ${kind}`;
  const rows = await sql<{ num: number }>`
    select f.rowid as num from contacts_fts f ${ofKind}
    where contacts_fts match ${matchPairsAndLonger(indexed)} ${sql.join(scanned, sql` `)}
    limit ${limit}`.execute(db);
  return rows.rows.map((row) => row.num);
}

/** Contacts with a key in this field that starts with `prefix`, in key order; companies from their own index. */
async function keyRange(db: Kysely<Database>, field: number, prefix: string, kind: ContactKind | undefined, limit: number): Promise<number[]> {
  const ofKind = kind === 'company' ? sql`and kind = 'company'` : kind === 'person' ? sql`and kind = 'person'` : sql``;
  const rows = await sql<{ num: number }>`
    select num from contact_search_keys
    where field = ${field} and key >= ${prefix} and key < ${`${prefix}\u{10ffff}`} ${ofKind}
    order by key, num limit ${limit}`.execute(db);
  return rows.rows.map((row) => row.num);
}

async function textsOf(db: Kysely<Database>, nums: number[]): Promise<SearchedText[]> {
  if (nums.length === 0) return [];
  const rows = await sql<SearchedText>`
    select rowid as num, ${sql.join(textColumns.map((column) => sql.ref(column)))} from contacts_fts where rowid in ${numsJson(nums)}`.execute(db);
  return rows.rows;
}

const characters = (text: string) => [...text].length;

/**
 * Contacts a key of theirs finds, best field first and at most a page from
 * each: the whole name for several words ("maya chen"), then the longest
 * term's name, company, email, phone and tag keys. Whether the other terms
 * match too is for the ranking to tell.
 */
async function keyCandidates(db: Kysely<Database>, terms: string[][], options: SearchOptions): Promise<number[]> {
  const { kind, limit } = options;
  const found = new Set<number>();
  if (terms.length > 1) {
    for (const num of await keyRange(db, searchFields.name, terms.map(([spelling]) => spelling).join(' '), kind, limit)) found.add(num);
    // Every term at the start of a word of the name: nothing ranks higher.
    if (found.size >= limit) return [...found];
  }
  const driver = terms.reduce((longest, term) => (characters(term[0]!) > characters(longest[0]!) ? term : longest));
  for (const field of Object.values(searchFields)) {
    for (const spelling of driver) {
      // One term: every key found is a match, so a page of them is enough.
      if (terms.length === 1 && found.size >= limit) return [...found];
      // Twice the page: a contact may have several keys that start alike ("theo", "theo chen").
      const nums = await keyRange(db, field, spelling, kind, 2 * limit);
      const fresh = [...new Set(nums)].filter((num) => !found.has(num));
      for (const num of terms.length === 1 ? fresh.slice(0, limit - found.size) : fresh.slice(0, limit)) found.add(num);
    }
  }
  return [...found];
}

/** Ranks candidates, reading each one's text once. */
function ranking(db: Kysely<Database>, terms: string[][]) {
  const texts = new Map<number, SearchedText>();
  return async (nums: number[]): Promise<number[]> => {
    for (const row of await textsOf(db, nums.filter((num) => !texts.has(num)))) texts.set(row.num, row);
    const rows = nums.flatMap((num) => texts.get(num) ?? []);
    return rankMatches(rows, terms).map((match) => match.num);
  };
}

/**
 * `contacts.num` of the best matches, best first (see rankMatches). Every term
 * must match some column, anywhere in it; a name, company, email, phone or tag
 * comes before notes and address, the start of a word before the inside of one.
 */
export async function searchContactNums(db: Kysely<Database>, query: string, options: SearchOptions): Promise<number[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const { kind, limit } = options;
  const rank = ranking(db, terms);
  const short = terms.some((spellings) => spellings.some((spelling) => characters(spelling) < 3));
  let probe: number[] = [];
  if (!short) {
    // One more than a page: fewer, and every match is in hand, so ranking them is exact.
    probe = await matchingNums(db, terms, kind, limit + 1);
    if (probe.length <= limit) return rank(probe);
  }
  // More than a page match, or a term is too short for the index alone: word starts first.
  const keyed = await keyCandidates(db, terms, options);
  const byKeys = await rank(keyed);
  if (byKeys.length >= limit) return byKeys.slice(0, limit);
  // A pair of characters inside a word, or a text of two characters, is found by the index as trigrams, or by its keys.
  if (short && terms.some(matchable)) probe = await matchingNums(db, terms, kind, limit + 1);
  return (await rank([...new Set([...keyed, ...probe])])).slice(0, limit);
}
