import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBackupCommand, runRestoreCommand } from '../../src-main/cli/backup.command.ts';
import type { CommandIo } from '../../src-main/cli/clv.command.ts';
import { createCore } from '../../src-main/core/core.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

async function run(command: (args: string[], io: CommandIo, env: NodeJS.ProcessEnv) => Promise<number>, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {});
  return { code, stdout, stderr };
}

const usageLine = 'Usage: ambassador restore FILE [--data-dir DIR]';

describe('ambassador restore', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const tempDir = () => {
    const made = makeTempDataDir();
    cleanups.push(made.remove);
    return made.dir;
  };

  async function names(dataDir: string): Promise<string[]> {
    const core = await createCore({ dataDir });
    try {
      const page = await core.dispatch('contacts.list', {});
      if (!page.ok) throw new Error(page.error.message);
      return (page.value as { items: Array<{ displayName: string }> }).items.map((contact) => contact.displayName).sort();
    } finally {
      await core.close();
    }
  }

  async function add(dataDir: string, firstName: string): Promise<void> {
    const core = await createCore({ dataDir });
    const created = await core.dispatch('contacts.create', { firstName });
    await core.close();
    if (!created.ok) throw new Error(created.error.message);
  }

  it('puts a backup’s data back, keeps the data it replaced as a safety backup, and says how to undo', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await add(dataDir, 'Ada');
    expect((await run(runBackupCommand, ['--to', folder, '--data-dir', dataDir])).code).toBe(0);
    const [backupName] = readdirSync(folder);
    const backup = join(folder, backupName!);
    await add(dataDir, 'Grace');

    const restored = await run(runRestoreCommand, [backup, '--data-dir', dataDir]);
    expect(restored.code).toBe(0);
    expect(restored.stderr).toBe('');
    const [first, second] = restored.stdout.trimEnd().split('\n');
    expect(first).toMatch(new RegExp(`^Restored 1 contact, 0 interactions, 0 follow-ups and 0 purchases from ${backup} \\(made .+ by Ambassador .+\\)\\.$`));
    const safety = /saved in (.+): to undo, choose Undo restore in the app, or run ambassador restore "(.+)"\.$/.exec(second!);
    expect(safety?.[1]).toBe(safety?.[2]);
    expect(existsSync(safety![1]!)).toBe(true);
    expect(await names(dataDir)).toEqual(['Ada']);

    // The printed undo works: Grace comes back.
    expect((await run(runRestoreCommand, [safety![1]!, '--data-dir', dataDir])).code).toBe(0);
    expect(await names(dataDir)).toEqual(['Ada', 'Grace']);
  });

  it('refuses a file that is not a backup with the core’s sentence, and changes nothing', async () => {
    const dataDir = tempDir();
    await add(dataDir, 'Ada');
    const notABackup = join(tempDir(), 'notes.ambassador');
    writeFileSync(notABackup, 'These are not the contacts you are looking for.');
    const result = await run(runRestoreCommand, [notABackup, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('Not built yet');
    expect(await names(dataDir)).toEqual(['Ada']);
  });

  it('says so in one sentence when the file is not there', async () => {
    const dataDir = tempDir();
    const missing = join(dataDir, 'gone.ambassador');
    expect(await run(runRestoreCommand, [missing, '--data-dir', dataDir])).toEqual({
      code: 1,
      stdout: '',
      stderr: `There is no file ${missing}. Check the name and try again.\n`,
    });
  });

  it('answers a wrong command line with the sentence and the usage, exit 2', async () => {
    for (const args of [[], ['a.ambassador', 'b.ambassador'], ['--yes', 'a.ambassador']]) {
      const result = await run(runRestoreCommand, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(usageLine);
    }
    expect((await run(runRestoreCommand, [])).stderr.split('\n')[0]).toBe('Say which one backup file to restore.');
  });
});
