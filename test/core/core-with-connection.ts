import type Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { DispatchResult } from '../../shared/api/result.ts';
import type { CoreContext } from '../../src-main/core/context.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import type { Database } from '../../src-main/core/db/schema.ts';
import { WriteFirstSqliteDialect } from '../../src-main/core/db/write-first-dialect.ts';
import { busyTimeoutMs } from '../../src-main/core/db/write-retry.ts';
import { dispatch } from '../../src-main/core/dispatch.ts';
import { handlers } from '../../src-main/core/handlers.ts';

export type CoreWithConnection = {
  call: (method: string, input: unknown) => Promise<DispatchResult>;
  /** The core's own SQLite connection, for the test to limit or inspect. */
  sqlite: Sqlite.Database;
  /** What the core logged, as it was thrown. */
  logged: unknown[];
  close: () => Promise<void>;
};

/**
 * The real core (production pragmas, dialect, migrations, dispatcher and
 * handlers) with its connection in the test's hands, so a test can make the
 * disk "full" or the file read-only on that connection, and choose how long a
 * write waits for another program's lock.
 */
export async function openCoreWithConnection(dataDir: string, options: { writeWaitMs?: number } = {}): Promise<CoreWithConnection> {
  // openDatabase's own kysely instance is never used (nor initialised): only its connection.
  const { sqlite } = openDatabase(dataDir);
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const db = new Kysely<Database>({ dialect: new WriteFirstSqliteDialect({ database: sqlite, ...options }) });
  await migrateToLatest(db);
  const ctx: CoreContext = { db, publish: () => {} };
  const logged: unknown[] = [];
  return {
    call: (method, input) => dispatch(handlers, ctx, method, input, { checkOutputs: true, logError: (error) => logged.push(error) }),
    sqlite,
    logged,
    close: () => db.destroy(),
  };
}
