import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect, type KyselyPlugin } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { migrations } from '../../migrations/index.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { fakeMigrationName, withSecondMigration } from './fake-second-migration.ts';

const child = new URL('./kill-at-statement.child.ts', import.meta.url).pathname;
const folders: Array<ReturnType<typeof makeTempDataDir>> = [];
const newFolder = () => {
  const folder = makeTempDataDir();
  folders.push(folder);
  return folder.dir;
};
afterEach(() => {
  for (const folder of folders.splice(0)) folder.remove();
});

const databaseFiles = ['ambassador.sqlite', 'ambassador.sqlite-wal', 'ambassador.sqlite-shm'];
function copyDatabase(from: string, to: string): void {
  for (const name of databaseFiles) if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
}

/**
 * Runs a start on `dataDir` and, after every SQL statement of the migrations,
 * copies the database files as they are on disk at that moment: exactly what a
 * kill -9 or a power cut there would leave (SQLite's unwritten cache is lost
 * either way). Returns one folder per statement, the first taken before any.
 */
async function whatAKillWouldLeave(dataDir: string, record: Record<string, Migration>): Promise<string[]> {
  const snapshots: string[] = [];
  const snapshot = () => {
    const folder = newFolder();
    copyDatabase(dataDir, folder);
    snapshots.push(folder);
  };
  const afterEachStatement: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      snapshot();
      return args.result;
    },
  };
  const { db } = openDatabase(dataDir);
  snapshot();
  await migrateToLatest(db.withPlugin(afterEachStatement), record);
  await db.destroy();
  return snapshots;
}

/** Starts Ambassador in a child process that kills itself right after it creates `table`. */
async function startAndDie(dataDir: string, table: string): Promise<void> {
  const run = spawn(process.execPath, [child, dataDir, table], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [, signal] = (await once(run, 'exit')) as [number | null, NodeJS.Signals | null];
  expect(signal).toBe('SIGKILL');
}

/** What a kill left on disk, read without changing it. */
function schemaState(dataDir: string) {
  const raw = new Sqlite(join(dataDir, 'ambassador.sqlite'), { readonly: true });
  try {
    const tables = raw.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite%'`).pluck().all() as string[];
    const applied = tables.includes('kysely_migration') ? (raw.prepare('select name from kysely_migration order by name').pluck().all() as string[]) : [];
    const columns = tables.includes('contacts') ? (raw.prepare(`select name from pragma_table_info('contacts')`).pluck().all() as string[]) : [];
    const contacts = tables.includes('contacts') ? (raw.prepare('select id, display_name from contacts order by id').all() as object[]) : [];
    return { tables, applied, columns, contacts };
  } finally {
    raw.close();
  }
}

async function expectItStarts(dataDir: string): Promise<void> {
  const core = await createCore({ dataDir });
  expect(await core.dispatch('contacts.create', { firstName: 'Ada', lastName: 'Lovelace' })).toMatchObject({ ok: true });
  const page = await core.dispatch('contacts.list', {});
  expect(page.ok && (page.value as ContactListPage).total).toBe(1);
  await core.close();
}

const contactTables = ['contacts', 'contact_methods', 'contact_tags', 'contacts_fts'];

describe('a start killed between two statements of a migration', () => {
  it('leaves a first start either not begun or complete, and every folder starts afterwards', async () => {
    const snapshots = await whatAKillWouldLeave(newFolder(), migrations);
    // Every statement of migration 0001 and its bookkeeping is a kill point.
    expect(snapshots.length).toBeGreaterThan(15);
    for (const dataDir of snapshots) {
      const state = schemaState(dataDir);
      const created = contactTables.filter((table) => state.tables.includes(table));
      expect(created).toEqual(state.applied.includes('0001_create_contacts') ? contactTables : []);
      await expectItStarts(dataDir);
    }
  });

  it('is not a stand-in: a real kill -9 right after 0001 created the contacts table leaves a folder that starts', async () => {
    const dataDir = newFolder();
    await startAndDie(dataDir, 'contacts');
    expect(schemaState(dataDir).tables).not.toContain('contacts');
    await expectItStarts(dataDir);
  });

  it('leaves a later migration over a populated database either not begun or complete, with the data intact', async () => {
    const template = newFolder();
    const seeded = await createCore({ dataDir: template });
    expect(await seeded.dispatch('contacts.seedSample', {})).toEqual({ ok: true, value: { created: 50 } });
    await seeded.close();
    const before = schemaState(template);
    expect(before.contacts).toHaveLength(50);

    const snapshots = await whatAKillWouldLeave(template, withSecondMigration);
    expect(snapshots.length).toBeGreaterThan(8);
    for (const dataDir of snapshots) {
      const state = schemaState(dataDir);
      expect(state.contacts).toEqual(before.contacts);
      if (state.applied.includes(fakeMigrationName)) {
        expect(state.columns).toContain('fake_stage');
        expect(state.tables).toContain('fake_stage_moves');
      } else {
        expect(state.applied).toEqual(Object.keys(migrations));
        expect(state.columns).toEqual(before.columns);
        expect(state.tables).toEqual(before.tables);
      }

      const { db } = openDatabase(dataDir);
      await migrateToLatest(db, withSecondMigration);
      await db.destroy();
      const after = schemaState(dataDir);
      expect(after.contacts).toEqual(before.contacts);
      expect(after.applied).toEqual([...Object.keys(migrations), fakeMigrationName]);
    }
  });
});

describe('a migration that fails halfway', () => {
  it('leaves the schema at the version before it, with the data intact, and the app still starts', async () => {
    const dataDir = newFolder();
    const seeded = await createCore({ dataDir });
    await seeded.dispatch('contacts.seedSample', {});
    await seeded.close();
    const before = schemaState(dataDir);

    const failing: Record<string, Migration> = {
      ...migrations,
      '9999_fails_halfway': {
        up: async (db) => {
          await withSecondMigration[fakeMigrationName]!.up(db);
          throw new Error('the disk went away');
        },
      },
    };
    const { db } = openDatabase(dataDir);
    await expect(migrateToLatest(db, failing)).rejects.toThrow('the disk went away');
    await db.destroy();

    expect(schemaState(dataDir)).toEqual(before);
    const core = await createCore({ dataDir });
    const page = await core.dispatch('contacts.list', {});
    expect(page.ok && (page.value as ContactListPage).total).toBe(50);
    await core.close();
  });
});

describe('a folder bricked by a kill under the old, non-transactional migrator', () => {
  it('starts again: the empty tables 0001 left are dropped and 0001 runs in full', async () => {
    for (const table of ['contacts', 'contact_methods', 'contact_tags']) {
      const dataDir = newFolder();
      const database = new Sqlite(join(dataDir, 'ambassador.sqlite'));
      const stopAfter: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          if (database.prepare('select 1 from sqlite_master where name = ?').get(table)) throw new Error('killed');
          return args.result;
        },
      };
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
      const result = await new Migrator({ db: old.withPlugin(stopAfter), provider: { getMigrations: async () => migrations } }).migrateToLatest();
      await old.destroy();
      expect(result.error).toBeDefined();
      expect(schemaState(dataDir)).toMatchObject({ applied: [], tables: expect.arrayContaining(['kysely_migration', 'contacts', table]) });

      await expectItStarts(dataDir);
    }
  });
});
