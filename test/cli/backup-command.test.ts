import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, runBackupCommand } from '../../src-main/cli/backup.command.ts';
import { createCore } from '../../src-main/core/core.ts';
import type { BackupStatus } from '../../shared/backup/backup.schemas.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { startServeProcess } from './serve-process.ts';

const nineThirty = new Date(2026, 11, 2, 9, 30);

async function backupInProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runBackupCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {}, () => nineThirty);
  return { code, stdout, stderr };
}

/** `ambassador backup` in its own process, as a user runs it beside a running app. */
async function backupInChildProcess(args: string[]) {
  const child = spawn(process.execPath, ['src-main/cli/cli.ts', 'backup', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

function readBackup(file: string) {
  const db = new Sqlite(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      ids: new Set((db.prepare('select id from contacts').all() as Array<{ id: string }>).map((row) => row.id)),
    };
  } finally {
    db.close();
  }
}

const usageLine = 'Usage: ambassador backup [--to DIR] [--data-dir DIR]';

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
  /** A data folder holding one contact; resolves with its id. */
  const dataWithAda = async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir });
    const created = await core.dispatch('contacts.create', { firstName: 'Ada', lastName: 'Lovelace' });
    await core.close();
    if (!created.ok) throw new Error(created.error.message);
    return { dataDir, id: (created.value as { id: string }).id };
  };

  it('names a backup Ambassador-YYYY-MM-DD-HHMM.ambassador in local time', () => {
    expect(backupFileName(nineThirty)).toBe('Ambassador-2026-12-02-0930.ambassador');
    expect(backupFileName(new Date(2027, 0, 5, 23, 7))).toBe('Ambassador-2027-01-05-2307.ambassador');
  });

  it('--to DIR saves a checked backup named for the minute into DIR and says what it holds', async () => {
    const { dataDir, id } = await dataWithAda();
    const folder = tempDir();
    const result = await backupInProcess(['--to', folder, '--data-dir', dataDir]);
    const file = join(folder, 'Ambassador-2026-12-02-0930.ambassador');
    expect(result).toEqual({
      code: 0,
      stdout: `Saved a checked backup to ${file}: 1 contact, 0 interactions, 0 follow-ups and 0 purchases.\n`,
      stderr: '',
    });
    expect(readdirSync(folder)).toEqual(['Ambassador-2026-12-02-0930.ambassador']);
    const copy = readBackup(file);
    expect(copy.integrity).toBe('ok');
    expect([...copy.ids]).toEqual([id]);

    // A second one in the same minute keeps the first.
    expect((await backupInProcess(['--to', folder, '--data-dir', dataDir])).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['Ambassador-2026-12-02-0930-2.ambassador', 'Ambassador-2026-12-02-0930.ambassador']);
  });

  it('without --to, saves into the backups folder the app uses', async () => {
    const { dataDir } = await dataWithAda();
    const result = await backupInProcess(['--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const core = await createCore({ dataDir });
    try {
      const status = await core.dispatch('backup.status', {});
      if (!status.ok) throw new Error(status.error.message);
      const { backups, folder } = status.value as BackupStatus;
      expect(result.stdout).toBe(`Saved a checked backup to ${backups[0]!.path}: 1 contact, 0 interactions, 0 follow-ups and 0 purchases.\n`);
      expect(backups[0]!.path.startsWith(folder)).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('copies a running, writing app’s data with every acknowledged contact', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const serve = await startServeProcess(dataDir);
    cleanups.push(() => serve.stop('SIGKILL'));
    const acknowledged: string[] = [];
    for (let index = 0; index < 20; index++) acknowledged.push(await serve.createContact(`Before ${index}`));

    // Keep writing while the backup runs, as a user working in the app would.
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index++) await serve.createContact(`During ${index}`);
    })();
    const backup = await backupInChildProcess(['--to', folder, '--data-dir', dataDir]);
    writing = false;
    await writer;

    expect(backup).toMatchObject({ code: 0, stderr: '' });
    const [name] = readdirSync(folder);
    expect(name).toMatch(/^Ambassador-\d{4}-\d{2}-\d{2}-\d{4}\.ambassador$/);
    const copy = readBackup(join(folder, name!));
    expect(copy.integrity).toBe('ok');
    expect(acknowledged.filter((id) => !copy.ids.has(id))).toEqual([]);
    expect(await serve.stop()).toEqual({ code: 0, signal: null });
  });

  it('backup FILE still works for old scripts, and refuses to replace a file unless --force is given', async () => {
    const { dataDir, id } = await dataWithAda();
    const target = join(tempDir(), 'backup.sqlite');
    writeFileSync(target, 'keep me');

    const refused = await backupInProcess([target, '--data-dir', dataDir]);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `${target} already exists. Choose another name, or add --force to replace it.\n` });
    expect(readFileSync(target, 'utf8')).toBe('keep me');

    expect(await backupInProcess([target, '--data-dir', dataDir, '--force'])).toMatchObject({ code: 0, stderr: '' });
    expect(readBackup(target)).toEqual({ integrity: 'ok', ids: new Set([id]) });
  });

  it('says in one sentence what is wrong, and changes nothing', async () => {
    const empty = tempDir();
    const folder = tempDir();
    expect(await backupInProcess(['--to', folder, '--data-dir', empty])).toEqual({
      code: 1,
      stdout: '',
      stderr: `There is no Ambassador database in ${empty} to back up.\n`,
    });
    expect(readdirSync(empty)).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);

    const { dataDir } = await dataWithAda();
    const nowhere = join(tempDir(), 'missing');
    for (const args of [['--to', nowhere], [join(nowhere, 'backup.ambassador')]]) {
      expect(await backupInProcess([...args, '--data-dir', dataDir])).toEqual({
        code: 1,
        stdout: '',
        stderr: `The folder ${nowhere} does not exist. Create it first, or save the backup somewhere else.\n`,
      });
    }
    expect(existsSync(nowhere)).toBe(false);
  });

  it('answers a wrong command line with the sentence and the usage, exit 2', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'to'));
    for (const [args, sentence] of [
      [['a.ambassador', 'b.ambassador'], 'Say one file to save the backup to, or --to a folder.'],
      [['a.ambassador', '--to', join(folder, 'to')], 'Say either a file or --to a folder, not both.'],
      [['--force'], '--force replaces a FILE you name; say which one.'],
      [['--nope'], "Unknown option '--nope'"],
      [['--to'], "Option '--to <value>' argument missing"],
    ] as const) {
      const result = await backupInProcess(['--data-dir', folder, ...args]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toContain(sentence);
      expect(result.stderr).toContain(usageLine);
    }
    expect(readdirSync(folder)).toEqual(['to']);
  });

  it('--help prints the usage, exit 0', async () => {
    const result = await backupInProcess(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(usageLine)).toBe(true);
  });
});
