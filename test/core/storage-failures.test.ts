import Sqlite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import { createCore } from '../../src-main/core/core.ts';
import { diskFullMessage, readOnlyMessage, storageFailure } from '../../src-main/core/db/storage-failure.ts';
import { WriteFirstSqliteDialect } from '../../src-main/core/db/write-first-dialect.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { openCoreWithConnection } from './core-with-connection.ts';

/** A size-limited folder needs `mount` (root); elsewhere the page-limit story stands in for it. */
function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'ambassador-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

type Call = (method: string, input: unknown) => Promise<DispatchResult>;

// Big enough to need fresh pages in the database and its WAL, small enough to be valid.
const longNotes = Array.from({ length: 1_900 }, (_, index) => `line ${index}.`).join(' ').slice(0, 19_000);

async function total(call: Call): Promise<number> {
  const page = await call('contacts.list', {});
  if (!page.ok) throw new Error(`the list failed: ${page.error.message}`);
  return (page.value as ContactListPage).total ?? Number.NaN;
}

/**
 * The user's story on a full disk: the write is refused with what to do, the
 * original SQLite error is what gets logged, nothing was changed, reads go on,
 * and once space is freed the same write works.
 */
async function fullDiskStory(call: Call, logged: unknown[], disk: { fill: () => void; free: () => void }) {
  expect((await call('contacts.create', { firstName: 'Ada' })).ok).toBe(true);
  disk.fill();

  const refused = await call('contacts.create', { firstName: 'Grace', notes: longNotes });
  expect(refused).toEqual({ ok: false, error: { code: 'STORAGE', message: diskFullMessage, details: { reason: 'disk-full' } } });
  expect(logged.at(-1)).toMatchObject({ code: 'SQLITE_FULL', message: expect.not.stringMatching(/rollback/) });

  expect(await total(call)).toBe(1);
  expect(await call('contacts.search', { query: 'Ada' })).toMatchObject({ ok: true, value: [{ displayName: 'Ada' }] });

  disk.free();
  expect(await call('contacts.create', { firstName: 'Grace', notes: longNotes })).toMatchObject({ ok: true, value: { firstName: 'Grace' } });
  expect(await total(call)).toBe(2);
}

describe('writes the disk cannot take', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  beforeEach(() => {
    data = makeTempDataDir();
  });
  afterEach(() => data.remove());

  it('on a full disk (SQLite’s page limit) say so, change nothing, keep reads, and work again once there is room', async () => {
    const core = await openCoreWithConnection(data.dir);
    try {
      const roomy = core.sqlite.pragma('max_page_count', { simple: true }) as number;
      await fullDiskStory(core.call, core.logged, {
        // SQLite answers SQLITE_FULL for real once the file may not grow past its present size.
        fill: () => core.sqlite.pragma(`max_page_count = ${core.sqlite.pragma('page_count', { simple: true }) as number}`),
        free: () => core.sqlite.pragma(`max_page_count = ${roomy}`),
      });
    } finally {
      await core.close();
    }
  });

  it.skipIf(!canMountTmpfs())('on a full disk (a small tmpfs folder) say so, change nothing, keep reads, and work again once there is room', async () => {
    const disk = join(data.dir, 'disk');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]);
    try {
      const logged: unknown[] = [];
      const core = await createCore({ dataDir: join(disk, 'data'), logError: (error) => logged.push(error) });
      const filler = join(disk, 'filler');
      try {
        await fullDiskStory(core.dispatch, logged, {
          fill: () => {
            // Written until the folder is full: the write itself fails with ENOSPC.
            expect(() => writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024))).toThrow(/ENOSPC/);
          },
          free: () => rmSync(filler),
        });
      } finally {
        await core.close();
      }
    } finally {
      execFileSync('umount', [disk]);
    }
  });

  it('on a read-only database say so, change nothing, keep reads, and work again once it is writable', async () => {
    const core = await openCoreWithConnection(data.dir);
    try {
      const created = await core.call('contacts.create', { firstName: 'Ada' });
      if (!created.ok) throw new Error(created.error.message);
      const ada = created.value as { id: string; updatedAt: string };
      core.sqlite.pragma('query_only = ON');

      const edit = { id: ada.id, expectedUpdatedAt: ada.updatedAt, fields: { firstName: 'Augusta' } };
      expect(await core.call('contacts.update', edit)).toEqual({
        ok: false,
        error: { code: 'STORAGE', message: readOnlyMessage, details: { reason: 'read-only' } },
      });
      expect(core.logged.at(-1)).toMatchObject({ code: 'SQLITE_READONLY' });
      expect(await core.call('contacts.get', { id: ada.id })).toMatchObject({ ok: true, value: { firstName: 'Ada' } });

      core.sqlite.pragma('query_only = OFF');
      expect(await core.call('contacts.update', edit)).toMatchObject({ ok: true, value: { firstName: 'Augusta' } });
    } finally {
      await core.close();
    }
  });
});

describe('a transaction SQLite rolled back by itself', () => {
  it('fails with the reason SQLite gave, not with the rollback that could no longer run', async () => {
    const data = makeTempDataDir();
    const sqlite = new Sqlite(join(data.dir, 'plain.sqlite'));
    const db = new Kysely<{ notes: { text: string } }>({ dialect: new WriteFirstSqliteDialect({ database: sqlite }) });
    try {
      await sql`create table notes (text text)`.execute(db);
      sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
      // A one-row insert runs without a statement journal: on SQLITE_FULL SQLite
      // rolls back the whole transaction, as it does when a commit hits a full disk.
      const write = db.transaction().execute((trx) => trx.insertInto('notes').values({ text: longNotes }).execute());
      await expect(write).rejects.toMatchObject({ code: 'SQLITE_FULL' });
      expect(sqlite.inTransaction).toBe(false);
    } finally {
      await db.destroy();
      data.remove();
    }
  });
});

describe('what each SQLite storage failure tells the user', () => {
  it.each([
    ['SQLITE_FULL', 'STORAGE', 'disk-full'],
    ['SQLITE_READONLY', 'STORAGE', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'STORAGE', 'read-only'],
    ['SQLITE_CANTOPEN', 'STORAGE', 'read-only'],
    ['SQLITE_IOERR_WRITE', 'STORAGE', 'disk-error'],
    ['SQLITE_IOERR_FSYNC', 'STORAGE', 'disk-error'],
    ['SQLITE_BUSY', 'BUSY', undefined],
    ['SQLITE_BUSY_SNAPSHOT', 'BUSY', undefined],
  ])('%s → %s', (sqliteCode, code, reason) => {
    const failure = storageFailure(Object.assign(new Error('from SQLite'), { code: sqliteCode }))?.toApiError();
    expect(failure).toMatchObject({ code, message: expect.stringMatching(/try again/) });
    expect((failure?.details as { reason?: string } | undefined)?.reason).toBe(reason);
  });

  it.each(['SQLITE_IOERR_READ', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'ENOENT'])('%s stays unexplained (INTERNAL)', (sqliteCode) => {
    expect(storageFailure(Object.assign(new Error('from SQLite'), { code: sqliteCode }))).toBeUndefined();
  });
});
