import { CompiledQuery, type Kysely } from 'kysely';

/** Rows per statement: bounds the JSON text each statement carries. */
const rowsPerStatement = 5_000;

/**
 * Inserts many rows, thousands per statement: the rows travel as one JSON array
 * bound to a single variable and SQLite unpacks them (json_each), so no
 * statement meets SQLite's limit of 32,766 variables, and each statement is
 * tiny to prepare. A multi-row VALUES list of the same rows spent as long in
 * SQLite's parser as in the inserts. JSON keeps each value's type: text stays
 * text, numbers numbers, null null. Each row lists its values in `columns`
 * order. The caller owns the transaction.
 */
export async function insertMany(db: Kysely<unknown>, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = columns.map((_, index) => `value ->> ${index}`).join(', ');
  const text = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) select ${values} from json_each(?) order by key`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows.slice(start, start + rowsPerStatement))]));
  }
}
