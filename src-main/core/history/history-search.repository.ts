import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { indexable, likePattern, quote } from '../db/text-search.ts';

const searchColumns = ['summary', 'outcome', 'reasons'] as const;

/** Any spelling of the term appears in some column (a scan: for terms the index cannot match). */
function foundByScan(spellings: string[]) {
  const columns = spellings.flatMap((spelling) =>
    searchColumns.map((column) => sql`${sql.ref(`interactions_fts.${column}`)} like ${likePattern(spelling)} escape '\\'`),
  );
  return sql`(${sql.join(columns, sql` or `)})`;
}

/**
 * `interactions.num` of live interactions of contacts not in the Trash whose
 * summary, outcome or reasons hold every term; best matches first (a match in the
 * reasons counts most, then the summary), newest first when the index cannot rank.
 */
export async function searchInteractionNums(db: Kysely<Database>, terms: string[][], limit: number): Promise<number[]> {
  if (terms.length === 0) return [];
  const indexed = terms.filter(indexable);
  const scanned = terms.filter((spellings) => !indexable(spellings));
  const live = sql`interactions.deleted_at is null and contacts.deleted_at is null`;
  const from = sql`from interactions_fts
    join interactions on interactions.num = interactions_fts.rowid
    join contacts on contacts.id = interactions.contact_id`;

  if (indexed.length > 0) {
    // FTS5 has no implicit AND between groups: `("a") ("b")` is a syntax error.
    const match = indexed.map((spellings) => `(${spellings.map(quote).join(' OR ')})`).join(' AND ');
    const alsoScanned = scanned.map((spellings) => sql`and ${foundByScan(spellings)}`);
    const rows = await sql<{ rowid: number }>`
      select interactions_fts.rowid ${from}
      where interactions_fts match ${match} ${sql.join(alsoScanned, sql` `)} and ${live}
      order by bm25(interactions_fts, 4.0, 2.0, 6.0), interactions.occurred_at desc
      limit ${limit}`.execute(db);
    return rows.rows.map((row) => row.rowid);
  }
  const rows = await sql<{ rowid: number }>`
    select interactions_fts.rowid ${from}
    where ${sql.join(terms.map(foundByScan), sql` and `)} and ${live}
    order by interactions.occurred_at desc
    limit ${limit}`.execute(db);
  return rows.rows.map((row) => row.rowid);
}
