import Sqlite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBackupMessages } from '../../../src-main/core/backup/backup-checks.ts';
import { openBackupCore, type BackupCore } from './backup-core.ts';

let app: BackupCore;
let good: string;
let folder: string;
beforeAll(async () => {
  app = await openBackupCore();
  for (let index = 0; index < 40; index += 1) await app.call('contacts.create', { firstName: `Person ${index}`, notes: 'n'.repeat(3000) });
  good = (await app.create()).path;
  folder = join(app.data.dir, 'chosen');
  mkdirSync(folder);
});
afterAll(async () => app.remove());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A copy of the good backup, changed by `change`. */
function variant(name: string, change: (file: string) => void): string {
  const file = join(folder, name);
  copyFileSync(good, file);
  change(file);
  return file;
}

function withSqlite(file: string, work: (sqlite: Sqlite.Database) => void): void {
  const sqlite = new Sqlite(file);
  try {
    work(sqlite);
  } finally {
    sqlite.close();
  }
}

const cases: Array<[string, () => string, (file: string) => string]> = [
  ['an empty file', () => (writeFileSync(join(folder, 'empty.ambassador'), ''), join(folder, 'empty.ambassador')), badBackupMessages.empty],
  ['a file that is not SQLite', () => (writeFileSync(join(folder, 'notes.ambassador'), 'Dear diary,\n'.repeat(200)), join(folder, 'notes.ambassador')), badBackupMessages.notDatabase],
  ['a truncated backup', () => variant('cut.ambassador', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))), badBackupMessages.truncated],
  [
    'a backup with corrupted pages',
    () =>
      variant('corrupt.ambassador', (file) => {
        // Scribble over the b-tree pages past the schema: the header still vouches for the file.
        const bytes = readFileSync(file);
        const pageSize = bytes.readUInt16BE(16);
        for (let page = 3; page < bytes.length / pageSize; page += 2) bytes.fill(0x5a, page * pageSize, page * pageSize + 64);
        writeFileSync(file, bytes);
      }),
    badBackupMessages.damaged,
  ],
  [
    'another program’s SQLite database',
    () => {
      const file = join(folder, 'recipes.sqlite');
      withSqlite(file, (sqlite) => sqlite.exec("create table recipes (name text); insert into recipes values ('soup')"));
      return file;
    },
    badBackupMessages.foreign,
  ],
  [
    'a backup from a newer Ambassador',
    () => variant('newer.ambassador', (file) => withSqlite(file, (sqlite) => sqlite.exec("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')"))),
    () => badBackupMessages.newer(),
  ],
  ['a file that is not there', () => join(folder, 'gone.ambassador'), badBackupMessages.missing],
  ['a folder', () => folder, badBackupMessages.folder],
];

describe('bad backup files are refused, each with its own sentence, and nothing changes', () => {
  it('gives every case a different sentence', () => {
    const sentences = cases.map(([, , message]) => message('/x'));
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(badBackupMessages.newer()).toBe('This backup was made by a newer Ambassador. Update Ambassador first, then restore it.');
  });

  it.each(cases)('%s', async (_name, make, message) => {
    const file = make();
    const before = statSync(file, { throwIfNoEntry: false })?.isFile() ? sha(file) : undefined;
    const names = await app.names();
    const backupsBefore = readdirSync(join(app.data.dir, 'backups')).sort();
    const events = app.events.length;

    for (const method of ['backup.inspect', 'backup.restore']) {
      const result = await app.core.dispatch(method, { file });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: message(file) } });
    }

    expect(await app.names()).toEqual(names);
    // No safety copy, no restore event, and the chosen file exactly as it was.
    expect(readdirSync(join(app.data.dir, 'backups')).sort()).toEqual(backupsBefore);
    expect(app.events.slice(events).filter((event) => event.name === 'backup.restored')).toEqual([]);
    if (before) expect(sha(file)).toBe(before);
  });

  it('refuses Ambassador’s own data file', async () => {
    const result = await app.core.dispatch('backup.restore', { file: app.core.databaseFile });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/own data file, not a backup/) } });
  });
});
