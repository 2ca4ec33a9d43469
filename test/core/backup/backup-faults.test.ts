import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/core.ts';
import { makeTempDataDir } from '../../helpers/temp-data-dir.ts';
import { fillDatabase, integrityOf, openBackupCore, value } from './backup-core.ts';

const child = new URL('./kill-during.child.ts', import.meta.url).pathname;
const folders: Array<ReturnType<typeof makeTempDataDir>> = [];
const newFolder = () => {
  const folder = makeTempDataDir('ambassador-fault-');
  folders.push(folder);
  return folder.dir;
};
afterEach(() => {
  for (const folder of folders.splice(0)) folder.remove();
});

async function runAndDie(args: string[]): Promise<void> {
  const run = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let said = '';
  run.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const [, signal] = (await once(run, 'exit')) as [number | null, NodeJS.Signals | null];
  expect(signal, said).toBe('SIGKILL');
}

/** Opens the data folder as the app would after the kill: it must open, pass integrity_check, and hold these names. */
async function namesAfterRestart(dataDir: string): Promise<string[]> {
  const core = await createCore({ dataDir });
  try {
    const page = value<{ items: Array<{ displayName: string }> }>(await core.dispatch('contacts.list', { limit: 1000 }));
    expect(integrityOf(core.databaseFile)).toBe('ok');
    return page.items.map((item) => item.displayName).filter((name) => !name.startsWith('Filler')).sort();
  } finally {
    await core.close();
  }
}

describe('fault: kill -9 during a backup', () => {
  it.each(['copying', 'before-rename'])('killed while %s: no file under a backup’s name, and the data opens whole', async (point) => {
    const dataDir = newFolder();
    await fillDatabase(dataDir, 12);
    const app = await openBackupCore({}, { dir: dataDir, remove: () => undefined });
    await app.contact('Ada');
    await app.close();

    await runAndDie([dataDir, 'backup', point]);

    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups.filter((name) => name.endsWith('.ambassador'))).toEqual([]);
    // At most the unfinished copy (and SQLite's journal of it), never a name the list or a restore would take.
    expect(backups.every((name) => /\.partial(-journal)?$/.test(name)), backups.join(', ')).toBe(true);
    expect(await namesAfterRestart(dataDir)).toEqual(['Ada']);
    // The next backup works, beside what the kill left.
    const again = await openBackupCore({}, { dir: dataDir, remove: () => undefined });
    try {
      expect(integrityOf((await again.create()).path)).toBe('ok');
      expect((await again.status()).backups).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});

describe('fault: kill -9 during a restore', () => {
  it.each([
    ['preparing', ['Ada', 'Grace']],
    ['linked', ['Ada', 'Grace']],
    ['swapped', ['Ada', 'Grace']],
    ['before-forget', ['Ada', 'Grace']],
    ['restored', ['Ada']],
  ])('killed at %s: the data opens, passes integrity_check, and is all old or all new', async (point, expected) => {
    const dataDir = newFolder();
    const app = await openBackupCore({}, { dir: dataDir, remove: () => undefined });
    await app.contact('Ada');
    const backup = await app.create();
    await app.contact('Grace');
    await app.close();

    await runAndDie([dataDir, 'restore', point, backup.path]);

    expect(await namesAfterRestart(dataDir)).toEqual(expected);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('ambassador.sqlite.'))).toEqual([]);
  });
});
