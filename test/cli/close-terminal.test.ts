import Sqlite from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { startServeProcess } from './serve-process.ts';

function contactIdsIn(file: string): string[] {
  const db = new Sqlite(file, { readonly: true });
  try {
    return (db.prepare('select id from contacts order by id').all() as Array<{ id: string }>).map((row) => row.id);
  } finally {
    db.close();
  }
}

describe('closing the terminal that runs ambassador serve', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.each(['SIGHUP', 'SIGTERM'] as const)('on %s stops cleanly and leaves every contact in ambassador.sqlite alone', async (signal) => {
    const data = makeTempDataDir();
    const copy = makeTempDataDir();
    cleanups.push(data.remove, copy.remove);
    const serve = await startServeProcess(data.dir);
    cleanups.push(() => serve.stop('SIGKILL'));
    const created: string[] = [];
    for (let index = 0; index < 30; index++) created.push(await serve.createContact(`Contact ${index}`));

    expect(await serve.stop(signal)).toEqual({ code: 0, signal: null });
    // The file alone, as a user copying it by hand would take it: no -wal, no -shm.
    copyFileSync(join(data.dir, 'ambassador.sqlite'), join(copy.dir, 'ambassador.sqlite'));
    expect(contactIdsIn(join(copy.dir, 'ambassador.sqlite'))).toEqual(created.toSorted());
  });
});
