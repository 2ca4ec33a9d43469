import type Sqlite from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { PreparedStatementConnection } from './prepared-statements.ts';
import { retryWhileBusy, writeWaitMs } from './write-retry.ts';

export type WriteFirstDialectConfig = {
  database: Sqlite.Database;
  /** How long a write waits for another program's lock before it fails as busy. */
  writeWaitMs?: number;
};

/** One caller at a time on the one connection, first come first served. */
class Turns {
  #taken = false;
  readonly #waiting: Array<() => void> = [];

  async take(): Promise<void> {
    if (!this.#taken) {
      this.#taken = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  pass(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#taken = false;
  }
}

/**
 * Every transaction in the core writes, and most read first (an update checks
 * the version it replaces). Under SQLite's default deferred BEGIN, two processes
 * on one file that both read and then both write make one fail at once with
 * "database is locked", without waiting. BEGIN IMMEDIATE takes the write lock at
 * the start, so the other waits instead.
 *
 * It waits without holding the thread or the connection: while another program
 * holds the write lock, the BEGIN is retried with back-off and other calls
 * (reads especially) take their turns in between. So this driver hands out turns
 * itself rather than letting kysely lock the connection for the whole transaction.
 */
class WriteFirstDriver extends SqliteDriver {
  readonly #sqlite: Sqlite.Database;
  readonly #writeWaitMs: number;
  readonly #turns = new Turns();
  readonly #connection: PreparedStatementConnection;

  constructor(config: WriteFirstDialectConfig) {
    super(config);
    this.#sqlite = config.database;
    this.#writeWaitMs = config.writeWaitMs ?? writeWaitMs;
    this.#connection = new PreparedStatementConnection(config.database);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.take();
    return this.#connection;
  }

  override async releaseConnection(): Promise<void> {
    this.#turns.pass();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await retryWhileBusy(() => connection.executeQuery(CompiledQuery.raw('begin immediate')), {
      limitMs: this.#writeWaitMs,
      pause: async (ms) => {
        this.#turns.pass();
        await sleep(ms);
        await this.#turns.take();
      },
    });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After SQLITE_FULL or an I/O error SQLite may have rolled back already; a
    // second ROLLBACK would fail ("no transaction is active") and hide the cause.
    if (this.#sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

/** kysely would otherwise lock the connection itself, for the whole of every transaction. */
class TurnTakingAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

export class WriteFirstSqliteDialect extends SqliteDialect {
  readonly #config: WriteFirstDialectConfig;

  constructor(config: WriteFirstDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WriteFirstDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TurnTakingAdapter();
  }
}
