import { sql, type Kysely } from 'kysely';
import type { ContactKind } from '../../../shared/contacts/contacts.schemas.ts';
import type { Database } from '../db/schema.ts';
import type { ContactSearchRow } from './contacts.table.ts';
import { foldText, indexable, likePattern, quote, searchTerms } from '../db/text-search.ts';

const searchColumns = ['name', 'company', 'emails', 'phones', 'tags', 'notes', 'address'] as const;

export type SearchOptions = { kind?: ContactKind | undefined; limit: number };

export async function indexContact(db: Kysely<Database>, entry: ContactSearchRow): Promise<void> {
  await removeFromIndex(db, entry.rowid!);
  await db.insertInto('contacts_fts').values(entry).execute();
}

export async function removeFromIndex(db: Kysely<Database>, num: number): Promise<void> {
  await db.deleteFrom('contacts_fts').where('rowid', '=', num).execute();
}

/** The company text search matches, for contacts already in the index. */
export async function reindexCompany(db: Kysely<Database>, nums: number[], company: string): Promise<void> {
  if (nums.length === 0) return;
  await db.updateTable('contacts_fts').set({ company: foldText(company) }).where('rowid', 'in', nums).execute();
}

/** Any spelling of the term appears in some column (a scan: for terms the index cannot match). */
function foundByScan(spellings: string[]) {
  const columns = spellings.flatMap((spelling) =>
    searchColumns.map((column) => sql`${sql.ref(`contacts_fts.${column}`)} like ${likePattern(spelling)} escape '\\'`),
  );
  return sql`(${sql.join(columns, sql` or `)})`;
}

/**
 * `contacts.num` of the best matches, best first. Every term must match some
 * column; a match in the name counts most, then company, email and phone, tags,
 * and least notes and address.
 */
export async function searchContactNums(db: Kysely<Database>, query: string, options: SearchOptions): Promise<number[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const { limit } = options;
  const ofKind = options.kind === undefined ? sql`` : sql`and contacts.kind = ${options.kind}`;
  const indexed = terms.filter(indexable);
  const scanned = terms.filter((spellings) => !indexable(spellings));

  if (indexed.length > 0) {
    // FTS5 has no implicit AND between groups: `("ada") ("lovelace")` is a syntax error.
    const match = indexed.map((spellings) => `(${spellings.map(quote).join(' OR ')})`).join(' AND ');
    // Short terms only narrow what the index found.
    const alsoScanned = scanned.map((spellings) => sql`and ${foundByScan(spellings)}`);
    const rows = await sql<{ rowid: number }>`
      select contacts_fts.rowid from contacts_fts join contacts on contacts.num = contacts_fts.rowid
      where contacts_fts match ${match} ${sql.join(alsoScanned, sql` `)} and contacts.deleted_at is null ${ofKind}
      order by bm25(contacts_fts, 10.0, 6.0, 4.0, 4.0, 3.0, 1.0, 1.0)
      limit ${limit}`.execute(db);
    return rows.rows.map((row) => row.rowid);
  }

  // Short terms cannot use the trigram index. Names that start with the term come
  // first (an index range, instant); then any other match, scanning only until
  // the page is full.
  const byPrefix = terms.length === 1 ? await namePrefixNums(db, terms[0]![0]!, options) : [];
  if (byPrefix.length >= limit) return byPrefix;
  const exclude = byPrefix.length > 0 ? sql`and contacts_fts.rowid not in (${sql.join(byPrefix)})` : sql``;
  const rows = await sql<{ rowid: number }>`
    select contacts_fts.rowid from contacts_fts join contacts on contacts.num = contacts_fts.rowid
    where ${sql.join(terms.map(foundByScan), sql` and `)} and contacts.deleted_at is null ${ofKind} ${exclude}
    limit ${limit - byPrefix.length}`.execute(db);
  return [...byPrefix, ...rows.rows.map((row) => row.rowid)];
}

async function namePrefixNums(db: Kysely<Database>, prefix: string, options: SearchOptions): Promise<number[]> {
  let query = db
    .selectFrom('contacts')
    .select('num')
    .where('deleted_at', 'is', null)
    .where('sort_key', '>=', prefix)
    .where('sort_key', '<', `${prefix}\u{10ffff}`);
  if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
  const rows = await query.orderBy('sort_key').orderBy('id').limit(options.limit).execute();
  return rows.map((row) => row.num);
}
