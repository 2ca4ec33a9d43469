import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { foundByScan, indexable, matchExpression } from '../db/text-search.ts';

const searchColumns = ['summary', 'outcome', 'reasons'] as const;

const scanned = (spellings: string[]) => foundByScan(searchColumns.map((column) => `interactions_fts.${column}`), spellings);

/**
 * `interactions.num` of live interactions of contacts not in the Trash whose
 * summary, outcome or reasons hold every term, the most recently logged first.
 * Read in the index's own order and stopped at `limit`: ranking every match
 * first (bm25) took most of a second for a common word in a large history.
 */
export async function searchInteractionNums(db: Kysely<Database>, terms: string[][], limit: number): Promise<number[]> {
  if (terms.length === 0) return [];
  const indexed = terms.filter(indexable);
  const short = terms.filter((spellings) => !indexable(spellings));
  const live = sql`interactions.deleted_at is null and contacts.deleted_at is null`;
  const from = sql`from interactions_fts
    join interactions on interactions.num = interactions_fts.rowid
    join contacts on contacts.id = interactions.contact_id`;

  if (indexed.length > 0) {
    const match = matchExpression(indexed);
    const alsoScanned = short.map((spellings) => sql`and ${scanned(spellings)}`);
    const rows = await sql<{ rowid: number }>`
      select interactions_fts.rowid ${from}
      where interactions_fts match ${match} ${sql.join(alsoScanned, sql` `)} and ${live}
      order by interactions_fts.rowid desc
      limit ${limit}`.execute(db);
    return rows.rows.map((row) => row.rowid);
  }
  const rows = await sql<{ rowid: number }>`
    select interactions_fts.rowid ${from}
    where ${sql.join(terms.map(scanned), sql` and `)} and ${live}
    order by interactions_fts.rowid desc
    limit ${limit}`.execute(db);
  return rows.rows.map((row) => row.rowid);
}
