import { CompiledQuery, type Kysely } from 'kysely';

/** SQLite binds at most this many values in one statement. */
const maxVariables = 32_766;

/**
 * Inserts many rows with multi-row INSERTs, as many rows per statement as
 * SQLite's variable limit allows: one statement per thousand-odd rows instead of
 * one per row, which is what makes a 100,000-row import take seconds. Each row
 * lists its values in `columns` order. The caller owns the transaction.
 */
export async function insertMany(db: Kysely<unknown>, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.floor(maxVariables / columns.length);
  const head = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const text = head + Array.from({ length: chunk.length }, () => tuple).join(', ');
    await db.executeQuery(CompiledQuery.raw(text, chunk.flat()));
  }
}
