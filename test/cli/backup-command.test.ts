import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBackupCommand } from '../../src-main/cli/backup.command.ts';
import { createCore } from '../../src-main/core/core.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { startServeProcess } from './serve-process.ts';

async function backupInProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runBackupCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {});
  return { code, stdout, stderr };
}

/** `ambassador backup` in its own process, as a user runs it beside a running app. */
async function backupInChildProcess(args: string[]) {
  const child = spawn(process.execPath, ['src-main/cli/cli.ts', 'backup', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, 'exit');
  return { code: code as number, output };
}

function readBackup(file: string) {
  const db = new Sqlite(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      journalMode: db.pragma('journal_mode', { simple: true }),
      ids: new Set((db.prepare('select id from contacts').all() as Array<{ id: string }>).map((row) => row.id)),
    };
  } finally {
    db.close();
  }
}

describe('ambassador backup', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const tempDir = () => {
    const made = makeTempDataDir();
    cleanups.push(made.remove);
    return made.dir;
  };

  it('copies a running, writing app’s data with every acknowledged contact, as one file that passes integrity_check', async () => {
    const dataDir = tempDir();
    const target = join(tempDir(), 'ambassador-backup.sqlite');
    const serve = await startServeProcess(dataDir);
    cleanups.push(() => serve.stop('SIGKILL'));
    const acknowledged: string[] = [];
    for (let index = 0; index < 20; index++) acknowledged.push(await serve.createContact(`Before ${index}`));

    // Keep writing while the backup runs, as a user working in the app would.
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index++) await serve.createContact(`During ${index}`);
    })();
    const backup = await backupInChildProcess([target, '--data-dir', dataDir]);
    writing = false;
    await writer;

    expect(backup).toEqual({ code: 0, output: `Saved a checked backup of ${join(dataDir, 'ambassador.sqlite')} to ${target}.\n` });
    const copy = readBackup(target);
    expect(copy.integrity).toBe('ok');
    expect(copy.journalMode).toBe('delete');
    expect(acknowledged.filter((id) => !copy.ids.has(id))).toEqual([]);
    expect(readdirSync(join(target, '..'))).toEqual(['ambassador-backup.sqlite']);
    expect(await serve.stop()).toEqual({ code: 0, signal: null });
  });

  it('after a crash, copies the contacts still in the write-ahead log beside the file', async () => {
    const dataDir = tempDir();
    const target = join(tempDir(), 'backup.sqlite');
    const serve = await startServeProcess(dataDir);
    const acknowledged: string[] = [];
    for (let index = 0; index < 10; index++) acknowledged.push(await serve.createContact(`Contact ${index}`));
    expect(await serve.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(existsSync(join(dataDir, 'ambassador.sqlite-wal'))).toBe(true);

    expect((await backupInProcess([target, '--data-dir', dataDir])).code).toBe(0);
    const copy = readBackup(target);
    expect(copy.integrity).toBe('ok');
    expect(acknowledged.filter((id) => !copy.ids.has(id))).toEqual([]);
  });

  it('restores by putting the backup in place of a data folder moved aside whole', async () => {
    const dataDir = tempDir();
    const target = join(tempDir(), 'backup.sqlite');
    const core = await createCore({ dataDir });
    const created = await core.dispatch('contacts.create', { firstName: 'Ada' });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    expect((await backupInProcess([target, '--data-dir', dataDir])).code).toBe(0);
    await core.close();

    // The README's restore: the old folder aside with its -wal and -shm, the backup in as ambassador.sqlite.
    renameSync(dataDir, `${dataDir}-before-restore`);
    cleanups.push(() => rmSync(`${dataDir}-before-restore`, { recursive: true, force: true }));
    mkdirSync(dataDir);
    renameSync(target, join(dataDir, 'ambassador.sqlite'));
    const restored = await createCore({ dataDir });
    try {
      expect(await restored.dispatch('contacts.get', { id })).toMatchObject({ ok: true, value: { firstName: 'Ada' } });
    } finally {
      await restored.close();
    }
  });

  it('refuses to replace an existing file unless --force is given', async () => {
    const dataDir = tempDir();
    await (await createCore({ dataDir })).close();
    const target = join(tempDir(), 'backup.sqlite');
    writeFileSync(target, 'keep me');

    const refused = await backupInProcess([target, '--data-dir', dataDir]);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `${target} already exists. Choose another name, or add --force to replace it.\n` });
    expect(readFileSync(target, 'utf8')).toBe('keep me');

    expect((await backupInProcess([target, '--data-dir', dataDir, '--force'])).code).toBe(0);
    expect(readBackup(target).integrity).toBe('ok');
  });

  it('says in one sentence what is wrong, and changes nothing', async () => {
    const empty = tempDir();
    const target = join(tempDir(), 'backup.sqlite');
    expect(await backupInProcess([target, '--data-dir', empty])).toEqual({
      code: 1,
      stdout: '',
      stderr: `There is no Ambassador database in ${empty} to back up.\n`,
    });
    expect(readdirSync(empty)).toEqual([]);

    const dataDir = tempDir();
    await (await createCore({ dataDir })).close();
    const nowhere = join(tempDir(), 'missing', 'backup.sqlite');
    expect((await backupInProcess([nowhere, '--data-dir', dataDir])).stderr).toBe(
      `The folder ${join(nowhere, '..')} does not exist. Create it first, or save the backup somewhere else.\n`,
    );
    expect(existsSync(join(nowhere, '..'))).toBe(false);

    const missingFile = await backupInProcess(['--data-dir', dataDir]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toBe('Say which one file to save the backup to: ambassador backup FILE [--data-dir DIR] [--force].\n');
  });
});
