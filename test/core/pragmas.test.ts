import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { ambassadorApplicationId } from '../../src-main/core/db/inspect-database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { busyTimeoutMs } from '../../src-main/core/db/write-retry.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The data rules, read back from the connection the core works on (createCore
// opens it with openDatabase and migrates it): most pragmas hold for one
// connection only, so they are read on that one, on a new file and on a reopen.

const fullSync = 2;

async function pragmasOfTheCore(dataDir: string) {
  const { db, sqlite } = openDatabase(dataDir);
  try {
    await migrateToLatest(db);
    const read = (name: string) => sqlite.pragma(name, { simple: true });
    return {
      journalMode: read('journal_mode'),
      synchronous: read('synchronous'),
      foreignKeys: read('foreign_keys'),
      busyTimeout: read('busy_timeout'),
      applicationId: read('application_id'),
    };
  } finally {
    await db.destroy();
  }
}

const expected = {
  journalMode: 'wal',
  synchronous: fullSync,
  // better-sqlite3 turns them on by default as well; what counts is that they are on.
  foreignKeys: 1,
  // Short once open, so a wait for a lock never holds the core's one thread (write-retry.ts).
  busyTimeout: busyTimeoutMs,
  applicationId: ambassadorApplicationId,
};

describe('the core’s connection', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  beforeEach(() => {
    data = makeTempDataDir();
  });
  afterEach(() => data.remove());

  it('runs with WAL, full sync, foreign keys, the short busy timeout and Ambassador’s application id on a new file', async () => {
    expect(await pragmasOfTheCore(data.dir)).toEqual(expected);
  });

  it('sets them again on every open, not only when the file is made', async () => {
    await pragmasOfTheCore(data.dir);
    expect(await pragmasOfTheCore(data.dir)).toEqual(expected);
  });
});
