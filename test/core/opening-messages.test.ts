import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { DatabaseOpenError } from '../../src-main/core/db/database.ts';
import { startCoreWorker } from '../../src-main/core/worker-client.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

const dataFiles = ['ambassador.sqlite', 'ambassador.sqlite-wal'];

/**
 * The bytes of the files that hold the user's data, to show a refusal changed
 * nothing. A missing WAL reads as empty: SQLite's read-only check may leave an
 * empty one (and a -shm index), which hold no data.
 */
function contentOf(dir: string): Record<string, string> {
  return Object.fromEntries(dataFiles.map((name) => [name, existsSync(join(dir, name)) ? readFileSync(join(dir, name)).toString('hex') : '']));
}

/** Starts the core on `dataDir`, expecting a refusal; returns its message after checking the files are untouched. */
async function refusal(dataDir: string): Promise<string> {
  const before = contentOf(dataDir);
  const error = await createCore({ dataDir }).then(
    () => expect.unreachable('Ambassador opened a file it should have refused'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DatabaseOpenError);
  expect(contentOf(dataDir)).toEqual(before);
  const message = (error as Error).message;
  expect(message.split('\n').length).toBeLessThanOrEqual(3);
  return message;
}

async function seededFolder(dir: string): Promise<void> {
  const core = await createCore({ dataDir: dir });
  await core.dispatch('contacts.seedSample', {});
  await core.close();
}

/**
 * A database as a crash leaves it: recent writes still in ambassador.sqlite-wal,
 * not yet folded into the file. Copied while the writer is still open.
 */
function crashedFolder(from: string, to: string): void {
  const writer = new Sqlite(join(from, 'ambassador.sqlite'));
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec(`update contacts set notes = 'met at the fair' where kind = 'person'`);
  for (const name of dataFiles) copyFileSync(join(from, name), join(to, name));
  writer.close();
}

describe('a data folder Ambassador cannot use', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let spare: ReturnType<typeof makeTempDataDir>;
  let file: string;
  beforeEach(() => {
    data = makeTempDataDir();
    spare = makeTempDataDir();
    file = join(data.dir, 'ambassador.sqlite');
  });
  afterEach(() => {
    data.remove();
    spare.remove();
  });

  it('says another program is using the database, never to restore a backup', async () => {
    await seededFolder(data.dir);
    const other = new Sqlite(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('begin exclusive');
    try {
      expect(await refusal(data.dir)).toBe(`Another program is using ${file}: close it, then start Ambassador again.`);
    } finally {
      other.exec('rollback');
      other.close();
    }
  });

  it('says a damaged file is damaged in one short message, and replays no WAL onto it', async () => {
    await seededFolder(spare.dir);
    crashedFolder(spare.dir, data.dir);
    expect(statSync(join(data.dir, 'ambassador.sqlite-wal')).size).toBeGreaterThan(0);
    // Everything after the header page is overwritten.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x41), 0, size - 4096, 4096);
    closeSync(fd);

    expect(await refusal(data.dir)).toBe(
      `${file} is damaged, so Ambassador did not open it and left it as it was. ` +
        'Move it, with any ambassador.sqlite-wal beside it, to a safe place; then put a backup in its place, ' +
        'or start Ambassador again to begin with an empty database.',
    );
  });

  it('says a file that is not a database at all is damaged', async () => {
    writeFileSync(file, 'this is not a database\n'.repeat(500));
    expect(await refusal(data.dir)).toMatch(/ is damaged, so Ambassador did not open it/);
  });

  it('says a file made by a newer Ambassador needs a newer Ambassador', async () => {
    await seededFolder(data.dir);
    const raw = new Sqlite(file);
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('0099_from_the_future', new Date().toISOString());
    raw.close();
    expect(await refusal(data.dir)).toBe(`${file} was made by a newer version of Ambassador: update Ambassador to open it. The file was left as it was.`);
  });

  it("refuses another program's SQLite file and adds none of its tables to it", async () => {
    const raw = new Sqlite(file);
    raw.exec(`create table notes (id integer primary key, body text); insert into notes (body) values ('buy milk')`);
    raw.close();
    const foreign = `${file} is another program's database, not Ambassador's, so Ambassador left it as it was. Move it elsewhere, or choose another data folder with --data-dir.`;
    expect(await refusal(data.dir)).toBe(foreign);
    const check = new Sqlite(file, { readonly: true });
    expect(check.prepare(`select name from sqlite_master where type = 'table'`).pluck().all()).toEqual(['notes']);
    check.close();

    // An empty database that another program marked as its own is not ours either.
    const marked = new Sqlite(join(spare.dir, 'ambassador.sqlite'));
    marked.pragma('application_id = 42');
    marked.close();
    expect(await refusal(spare.dir)).toBe(foreign.replace(file, join(spare.dir, 'ambassador.sqlite')));
  });

  it('says when the data folder cannot be created', async () => {
    writeFileSync(join(data.dir, 'a-file'), '');
    const dataDir = join(data.dir, 'a-file', 'Ambassador');
    expect(await refusal(dataDir)).toBe(
      `Ambassador cannot create its data folder ${dataDir} (a file is in the way): choose a folder you can write to with --data-dir.`,
    );
  });

  // Root may write anywhere, so the folder's permissions cannot stop it.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says when the data folder cannot be written', async () => {
    chmodSync(data.dir, 0o500);
    try {
      expect(await refusal(data.dir)).toBe(
        `Ambassador cannot write in its data folder ${data.dir}: check the folder's permissions, or choose another folder with --data-dir.`,
      );
    } finally {
      chmodSync(data.dir, 0o700);
    }
  });

  it('shows the worker and the command line just the sentence', async () => {
    writeFileSync(file, 'this is not a database\n'.repeat(500));
    const sentence = await refusal(data.dir);
    await expect(startCoreWorker({ dataDir: data.dir })).rejects.toThrow(sentence);

    const cli = spawn(process.execPath, ['src-main/cli/cli.ts', 'serve', '--data-dir', data.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    cli.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(cli, 'exit');
    expect(code).toBe(1);
    expect(stderr).toBe(`Ambassador could not start: ${sentence}\n`);
  });
});

describe('a zero-length ambassador.sqlite', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let spare: ReturnType<typeof makeTempDataDir>;
  beforeEach(() => {
    data = makeTempDataDir();
    spare = makeTempDataDir();
  });
  afterEach(() => {
    data.remove();
    spare.remove();
  });

  it('is a new, empty database (what a first start stopped early leaves), so Ambassador starts on it', async () => {
    writeFileSync(join(data.dir, 'ambassador.sqlite'), '');
    const core = await createCore({ dataDir: data.dir });
    expect(await core.dispatch('contacts.create', { firstName: 'Ada' })).toMatchObject({ ok: true });
    const page = await core.dispatch('contacts.list', {});
    expect(page.ok && (page.value as ContactListPage).total).toBe(1);
    await core.close();
  });

  it('is refused, and its WAL kept, when a WAL with data lies beside it (SQLite would delete that WAL)', async () => {
    await seededFolder(spare.dir);
    crashedFolder(spare.dir, data.dir);
    writeFileSync(join(data.dir, 'ambassador.sqlite'), '');
    const file = join(data.dir, 'ambassador.sqlite');
    expect(await refusal(data.dir)).toBe(
      `${file} is empty or missing, but the ambassador.sqlite-wal beside it holds data, so Ambassador left both as they were. ` +
        'Move both to a safe place; then put a backup in their place, or start Ambassador again to begin with an empty database.',
    );
  });
});
