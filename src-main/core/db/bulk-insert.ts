import { CompiledQuery, type Kysely } from 'kysely';
import { EachRow } from './prepared-statements.ts';

/**
 * Inserts many rows with one prepared statement run once per row (EachRow), all
 * on the connection: no SQL text grows with the rows, nothing is parsed twice,
 * and no variable limit is met. Measured against the rows as one JSON array
 * unpacked by json_each (the way before) and multi-row VALUES lists, this took
 * the least time. Each row lists its values in `columns` order. The caller owns
 * the transaction.
 */
export async function insertMany(db: Kysely<unknown>, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const text = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
  await db.executeQuery(CompiledQuery.raw(text, [new EachRow(rows)]));
}
