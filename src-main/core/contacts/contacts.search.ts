import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ContactSearchRow } from './contacts.table.ts';

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

/** Splits what the user typed into terms; a phone number typed with spaces stays one term, as digits. */
export function searchTerms(query: string): string[] {
  const trimmed = query.trim();
  if (phoneLike.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length >= 2) return [digits];
  }
  return trimmed.split(/\s+/).filter((term) => term.length > 0);
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

  if (terms.every((term) => term.length >= trigramLength)) {
    const match = terms.map(quote).join(' ');
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
  const byPrefix = terms.length === 1 ? await namePrefixNums(db, terms[0]!, limit) : [];
  if (byPrefix.length >= limit) return byPrefix;
  const conditions = terms.map((term) => {
    const pattern = likePattern(term);
    const columns = searchColumns.map((column) => sql`${sql.ref(`contacts_fts.${column}`)} like ${pattern} escape '\\'`);
    return sql`(${sql.join(columns, sql` or `)})`;
  });
  const exclude = byPrefix.length > 0 ? sql`and contacts_fts.rowid not in (${sql.join(byPrefix)})` : sql``;
  const rows = await sql<{ rowid: number }>`
    select contacts_fts.rowid from contacts_fts join contacts on contacts.num = contacts_fts.rowid
    where ${sql.join(conditions, sql` and `)} and contacts.deleted_at is null ${exclude}
    limit ${limit - byPrefix.length}`.execute(db);
  return [...byPrefix, ...rows.rows.map((row) => row.rowid)];
}

async function namePrefixNums(db: Kysely<Database>, term: string, limit: number): Promise<number[]> {
  const prefix = term.toLocaleLowerCase('en');
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
