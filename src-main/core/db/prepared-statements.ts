import type Sqlite from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';

/** Distinct statements kept prepared: far more than the core's queries that repeat, few enough to bound memory. */
const keptStatements = 400;

/** Statements worth keeping: the ones that repeat. Transaction control, pragmas and schema changes are prepared each time. */
const repeats = /^\s*(select|insert|update|delete|with|replace)\b/i;
/** A schema change: statements prepared before it may describe tables as they were. */
const changesSchema = /^\s*(create|alter|drop)\b/i;

/**
 * The values of many rows for one statement that inserts one row: the
 * connection runs its one prepared statement once per row, without a trip
 * through kysely (and a promise) for each.
 */
export class EachRow {
  readonly rows: readonly unknown[][];

  constructor(rows: readonly unknown[][]) {
    this.rows = rows;
  }
}

/**
 * The one connection, keeping its prepared statements by SQL text (least
 * recently used dropped first): kysely would prepare every statement anew, a
 * quarter of the time of a bulk insert. SQLite itself re-prepares a kept
 * statement whose tables changed, and a schema change empties the cache so
 * nothing kept describes the old columns. Statements belong to this connection:
 * a restore opens a new database and with it a new cache.
 */
export class PreparedStatementConnection implements DatabaseConnection {
  readonly #sqlite: Sqlite.Database;
  readonly #kept = new Map<string, Sqlite.Statement>();

  constructor(sqlite: Sqlite.Database) {
    this.#sqlite = sqlite;
  }

  /** How many statements are kept prepared (for tests). */
  get keptCount(): number {
    return this.#kept.size;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    const statement = this.#statement(sql);
    const [first] = parameters;
    if (parameters.length === 1 && first instanceof EachRow) return { numAffectedRows: runEach(statement, first), rows: [] };
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    if (changesSchema.test(sql)) this.#kept.clear();
    return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // A statement being iterated cannot run again until it finishes: a stream gets its own.
    const statement = this.#sqlite.prepare(compiledQuery.sql);
    if (!statement.reader) throw new Error('Only queries that return rows can be streamed.');
    for (const row of statement.iterate(compiledQuery.parameters)) yield { rows: [row as R] };
  }

  #statement(sql: string): Sqlite.Statement {
    const kept = this.#kept.get(sql);
    if (kept) {
      this.#kept.delete(sql);
      this.#kept.set(sql, kept);
      return kept;
    }
    const statement = this.#sqlite.prepare(sql);
    if (!repeats.test(sql)) return statement;
    this.#kept.set(sql, statement);
    if (this.#kept.size > keptStatements) this.#kept.delete(this.#kept.keys().next().value!);
    return statement;
  }
}

function runEach(statement: Sqlite.Statement, each: EachRow): bigint {
  let changes = 0;
  for (const row of each.rows) changes += statement.run(row).changes;
  return BigInt(changes);
}
