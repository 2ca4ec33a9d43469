import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type OpenDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { openBackupCore, type BackupCore } from './backup/backup-core.ts';
import { withSecondMigration } from './fake-second-migration.ts';

// The dialect keeps statements prepared by their SQL text: the same text must
// still answer for the database as it is now, after a migration, a schema
// change by another program, and a restore that replaces the file.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openMigrated(): Promise<OpenDatabase> {
  const data = makeTempDataDir();
  const opened = openDatabase(data.dir);
  cleanups.push(() => data.remove(), () => closeDatabase(opened));
  await migrateToLatest(opened.db);
  return opened;
}

const everyColumn = (opened: OpenDatabase) => sql<Record<string, unknown>>`select * from contacts order by num`.execute(opened.db).then((result) => result.rows);

async function addContact(opened: OpenDatabase, num: number, kind = 'person'): Promise<void> {
  await sql`insert into contacts (num, id, kind, display_name, sort_key, created_at, updated_at) values (${num}, ${`id-${num}`}, ${kind}, 'A', 'a', 'now', 'now')`.execute(opened.db);
}

describe('prepared statements kept by the dialect', () => {
  it('answers with the new columns after a migration on the same connection', async () => {
    const opened = await openMigrated();
    await addContact(opened, 1, 'company');
    expect(Object.keys((await everyColumn(opened))[0]!)).not.toContain('fake_stage');
    await migrateToLatest(opened.db, withSecondMigration);
    const [row] = await everyColumn(opened);
    expect(row).toMatchObject({ num: 1, fake_stage: 'movable' });
  });

  it('answers with the new columns after another program changes the schema', async () => {
    const opened = await openMigrated();
    await addContact(opened, 1);
    await everyColumn(opened);
    const other = new Sqlite(opened.file);
    other.exec(`alter table contacts add column elsewhere text not null default 'yes'`);
    other.close();
    const [row] = await everyColumn(opened);
    expect(row).toMatchObject({ num: 1, elsewhere: 'yes' });
  });

  it('keeps the same results when one statement runs with different values', async () => {
    const opened = await openMigrated();
    for (const num of [1, 2, 3]) await addContact(opened, num);
    const byNum = async (num: number) => (await sql<{ id: string }>`select id from contacts where num = ${num}`.execute(opened.db)).rows;
    expect(await byNum(2)).toEqual([{ id: 'id-2' }]);
    expect(await byNum(3)).toEqual([{ id: 'id-3' }]);
    // An insert with returning is a reader: its rows come back.
    const returned = await sql<{ num: number }>`insert into contacts (num, id, kind, display_name, sort_key, created_at, updated_at) values (4, 'id-4', 'person', 'D', 'd', 'now', 'now') returning num`.execute(opened.db);
    expect(returned.rows).toEqual([{ num: 4 }]);
    const updated = await sql`update contacts set notes = 'x' where num > ${1}`.execute(opened.db);
    expect(updated.numAffectedRows).toBe(3n);
  });
});

describe('prepared statements and a restore', () => {
  let app: BackupCore | undefined;
  afterEach(async () => app?.remove());

  it('lists what the restored file holds, not what the replaced one did', async () => {
    app = await openBackupCore();
    await app.contact('Ada');
    const backup = await app.create();
    await app.contact('Grace');
    expect(await app.names()).toEqual(['Ada', 'Grace']);
    await app.restore(backup.path);
    expect(await app.names()).toEqual(['Ada']);
    await app.contact('Hedy');
    expect(await app.names()).toEqual(['Ada', 'Hedy']);
  });
});
