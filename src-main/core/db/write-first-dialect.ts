import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * Every transaction in the core writes, and most read first (an update checks
 * the version it replaces). Under SQLite's default deferred BEGIN, two processes
 * on one file that both read and then both write make one fail at once with
 * "database is locked", without waiting. BEGIN IMMEDIATE takes the write lock at
 * the start, so the other waits its busy_timeout instead.
 */
class WriteFirstDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class WriteFirstSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WriteFirstDriver(this.#config);
  }
}
