import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ContactSearchRow } from './contacts.table.ts';
import { foldText } from './folded-text.ts';

/** Trigram matching needs three characters; shorter terms fall back to a scan. */
const trigramLength = 3;
const searchColumns = ['name', 'company', 'emails', 'phones', 'tags', 'notes'] as const;
const phoneLike = /^[\d\s()+\-./]+$/;

export async function indexContact(db: Kysely<Database>, entry: ContactSearchRow): Promise<void> {
  await removeFromIndex(db, entry.rowid!);
  await db.insertInto('contacts_fts').values(entry).execute();
}

export async function removeFromIndex(db: Kysely<Database>, num: number): Promise<void> {
  await db.deleteFrom('contacts_fts').where('rowid', '=', num).execute();
}

/**
 * What the user typed, as terms that must all match; each term lists the spellings
 * any one of which may match. A query of digits and punctuation is one term, as
 * itself ("12.50" in a note) or as bare digits ("(555) 0123" finds "555-0123").
 */
export function searchTerms(query: string): string[][] {
  const trimmed = foldText(query.trim());
  if (phoneLike.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length >= 2) return [digits === trimmed ? [digits] : [digits, trimmed]];
  }
  return trimmed
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .map((term) => [term]);
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `contacts.num` of the best matches, best first. Every term must match some
 * column; a match in the name counts most, then company, email and phone, tags,
 * and notes.
 */
export async function searchContactNums(db: Kysely<Database>, query: string, limit: number): Promise<number[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];

  if (terms.flat().every((spelling) => spelling.length >= trigramLength)) {
    const match = terms.map((spellings) => `(${spellings.map(quote).join(' OR ')})`).join(' ');
    const rows = await sql<{ rowid: number }>`
      select contacts_fts.rowid from contacts_fts join contacts on contacts.num = contacts_fts.rowid
      where contacts_fts match ${match} and contacts.deleted_at is null
      order by bm25(contacts_fts, 10.0, 6.0, 4.0, 4.0, 3.0, 1.0)
      limit ${limit}`.execute(db);
    return rows.rows.map((row) => row.rowid);
  }

  // Short terms cannot use the trigram index. Names that start with the term come
  // first (an index range, instant); then any other match, scanning only until
  // the page is full.
  const byPrefix = terms.length === 1 ? await namePrefixNums(db, terms[0]![0]!, limit) : [];
  if (byPrefix.length >= limit) return byPrefix;
  const conditions = terms.map((spellings) => {
    const columns = spellings.flatMap((spelling) =>
      searchColumns.map((column) => sql`${sql.ref(`contacts_fts.${column}`)} like ${likePattern(spelling)} escape '\\'`),
    );
    return sql`(${sql.join(columns, sql` or `)})`;
  });
  const exclude = byPrefix.length > 0 ? sql`and contacts_fts.rowid not in (${sql.join(byPrefix)})` : sql``;
  const rows = await sql<{ rowid: number }>`
    select contacts_fts.rowid from contacts_fts join contacts on contacts.num = contacts_fts.rowid
    where ${sql.join(conditions, sql` and `)} and contacts.deleted_at is null ${exclude}
    limit ${limit - byPrefix.length}`.execute(db);
  return [...byPrefix, ...rows.rows.map((row) => row.rowid)];
}

async function namePrefixNums(db: Kysely<Database>, prefix: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('contacts')
    .select('num')
    .where('deleted_at', 'is', null)
    .where('sort_key', '>=', prefix)
    .where('sort_key', '<', `${prefix}\u{10ffff}`)
    .orderBy('sort_key')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.num);
}
