import Sqlite from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../shared/backup/backup.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { openDatabase } from '../../src-main/core/db/database.ts';
import { migrateToLatest } from '../../src-main/core/db/migrate.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { bookSizes, generateBook } from './generate-book.ts';

// Our backup (SQLite's backup API in steps, the manifest, integrity_check,
// fsync, rename) beside `sqlite3 .backup` and a bare better-sqlite3 backup, on a
// database of about 500 MB (`BENCH_SIZE=full`) or a tenth of it: a generated
// book of contacts, interactions and follow-ups, topped up with filler rows.

const sqliteCli = '/usr/bin/sqlite3';
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

async function makeDatabase(dataDir: string, targetBytes: number): Promise<string> {
  const { db, file } = openDatabase(dataDir);
  await migrateToLatest(db);
  await db.destroy();
  const writer = new Sqlite(file);
  writer.pragma('journal_mode = WAL');
  await generateBook(writer, bookSizes.quick);
  writer.pragma('wal_checkpoint(TRUNCATE)');
  const missing = Math.max(0, targetBytes - statSync(file).size);
  // Filler rows in the settings table, about 4 KB each (random, so nothing compresses).
  const rows = Math.ceil(missing / 4100);
  writer.exec(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${rows})
    insert into settings (key, value) select 'bench.filler.' || i, hex(randomblob(2000)) from n`);
  writer.pragma('wal_checkpoint(TRUNCATE)');
  writer.close();
  return file;
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

export async function run(): Promise<void> {
  const full = process.env.BENCH_SIZE === 'full';
  const target = (full ? 500 : 50) * 1_048_576;
  if (!full) console.log('\nBackup of a 50 MB database (a tenth of the issue’s size); BENCH_SIZE=full for 500 MB.');
  const data = makeTempDataDir('ambassador-bench-backup-');
  try {
    const fill = await timed(() => makeDatabase(data.dir, target));
    const file = fill.result;
    const out = (name: string) => join(data.dir, name);
    const rows: Array<Record<string, string>> = [];
    const add = (what: string, ms: number, size: number) => rows.push({ what, seconds: (ms / 1000).toFixed(2), 'MB/s': (size / 1_048_576 / (ms / 1000)).toFixed(0), file: megabytes(size) });

    const core = await createCore({ dataDir: data.dir });
    try {
      const ours = await timed(async () => {
        const answer = await core.dispatch('backup.create', { to: out('ours.ambassador') });
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value as BackupFile;
      });
      add('Ambassador backup.create (copy in steps + manifest + integrity_check + fsync + rename)', ours.ms, ours.result.sizeBytes);
      const check = new Sqlite(ours.result.path, { readonly: true });
      const integrity = await timed(() => check.pragma('integrity_check', { simple: true }));
      check.close();
      add('  its integrity_check alone (run again on the finished file)', integrity.ms, ours.result.sizeBytes);
    } finally {
      await core.close();
    }

    const source = new Sqlite(file, { readonly: true });
    const stepped = await timed(() => source.backup(out('raw-steps.sqlite'), { progress: () => 2048 }));
    add('better-sqlite3 backup, 2048 pages a step (no checks)', stepped.ms, statSync(out('raw-steps.sqlite')).size);
    const oneStep = await timed(() => source.backup(out('raw-one.sqlite'), { progress: () => 0x7fffffff }));
    add('better-sqlite3 backup, one step (no checks)', oneStep.ms, statSync(out('raw-one.sqlite')).size);
    source.close();

    if (existsSync(sqliteCli)) {
      const cli = await timed(() => execFileSync(sqliteCli, [file, `.backup '${out('cli.sqlite')}'`]));
      add('sqlite3 .backup (the CLI, no checks)', cli.ms, statSync(out('cli.sqlite')).size);
    } else {
      console.log(`(${sqliteCli} is not installed: no sqlite3 .backup line.)`);
    }
    for (const name of ['raw-steps.sqlite', 'raw-one.sqlite', 'cli.sqlite']) rmSync(out(name), { force: true });

    console.log(`\nBackup: database ${megabytes(statSync(file).size)} (generated in ${(fill.ms / 1000).toFixed(1)} s)`);
    console.table(rows);
  } finally {
    data.remove();
  }
}
