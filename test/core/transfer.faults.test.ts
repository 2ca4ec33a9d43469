import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactSummary } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { diskFullMessage } from '../../src-main/core/db/storage-failure.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { openCoreWithConnection } from './core-with-connection.ts';
import { csvOf, header } from './transfer-core.ts';

const child = new URL('./kill-during-import.child.ts', import.meta.url).pathname;
const folders: Array<ReturnType<typeof makeTempDataDir>> = [];
const newFolder = () => {
  const folder = makeTempDataDir('ambassador-import-fault-');
  folders.push(folder);
  return folder.dir;
};
afterEach(() => {
  for (const folder of folders.splice(0)) folder.remove();
});

const rowCount = 12_000;
/** Enough rows for several bulk statements, one of them a duplicate to merge into a saved contact. */
const csv = csvOf([header, ['Ada', 'Lovelace', '', 'ada@example.com', '', 'imported note', 'new'], ...Array.from({ length: rowCount - 1 }, (_, index) => [`Person${index}`, 'Test', '', `p${index}@example.com`, '', '', ''])]);

function copyFolder(from: string): string {
  const to = newFolder();
  for (const name of ['ambassador.sqlite', 'ambassador.sqlite-wal', 'ambassador.sqlite-shm']) {
    if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
  }
  return to;
}

/** What is on disk, read without changing anything but recovering the WAL as any opener would. */
function stateOf(dataDir: string) {
  const raw = new Sqlite(join(dataDir, 'ambassador.sqlite'));
  try {
    return {
      integrity: raw.pragma('integrity_check', { simple: true }),
      contacts: raw.prepare('select count(*) from contacts').pluck().get(),
      indexed: raw.prepare('select count(*) from contacts_fts').pluck().get(),
      batches: raw.prepare('select count(*) from import_batches').pluck().get(),
      ada: raw.prepare(`select notes from contacts where first_name = 'Ada'`).pluck().get(),
    };
  } finally {
    raw.close();
  }
}

async function runChild(dataDir: string, file: string, killAfter: number): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  const run = spawn(process.execPath, [child, dataDir, file, String(killAfter)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [, signal] = (await once(run, 'exit')) as [number | null, NodeJS.Signals | null];
  return { signal, output };
}

describe('fault: kill -9 during an import', () => {
  it('leaves the data opening, passing integrity_check, and holding all of the import or none of it', async () => {
    const template = newFolder();
    const core = await createCore({ dataDir: template });
    expect((await core.dispatch('contacts.create', { firstName: 'Ada', emails: [{ value: 'ada@example.com' }], notes: 'mine' })).ok).toBe(true);
    await core.close();
    const file = join(newFolder(), 'contacts.csv');
    writeFileSync(file, csv);
    const none = { integrity: 'ok', contacts: 1, indexed: 1, batches: 0, ada: 'mine' };
    const all = { integrity: 'ok', contacts: rowCount, indexed: rowCount, batches: 1, ada: 'mine\n\nimported note' };

    // A run to the end counts the import's statements and shows what "all" looks like.
    const whole = copyFolder(template);
    const completed = await runChild(whole, file, Number.MAX_SAFE_INTEGER);
    expect(completed.signal).toBeNull();
    const { statements } = JSON.parse(completed.output) as { statements: number };
    expect(statements).toBeGreaterThan(8);
    expect(stateOf(whole)).toEqual(all);

    for (const killAfter of [2, Math.floor(statements / 2), statements - 1]) {
      const dataDir = copyFolder(template);
      expect((await runChild(dataDir, file, killAfter)).signal, `kill after statement ${killAfter}`).toBe('SIGKILL');
      expect(stateOf(dataDir), `kill after statement ${killAfter}`).toEqual(none);
      const reopened = await createCore({ dataDir });
      const found = await reopened.dispatch('contacts.search', { query: 'ada' });
      expect(found.ok && (found.value as ContactSummary[]).map((contact) => contact.displayName)).toEqual(['Ada']);
      await reopened.close();
    }
  });
});

describe('fault: a full disk during an import', () => {
  it('is refused as a full disk, imports none of it, and works once there is room', async () => {
    const dataDir = newFolder();
    const file = join(newFolder(), 'contacts.csv');
    writeFileSync(file, csv);
    const core = await openCoreWithConnection(dataDir);
    try {
      expect((await core.call('contacts.create', { firstName: 'Ada', emails: [{ value: 'ada@example.com' }], notes: 'mine' })).ok).toBe(true);
      const roomy = core.sqlite.pragma('max_page_count', { simple: true }) as number;
      core.sqlite.pragma(`max_page_count = ${core.sqlite.pragma('page_count', { simple: true }) as number}`);

      expect(await core.call('transfer.importContacts', { file, duplicates: { all: 'merge' } })).toEqual({
        ok: false,
        error: { code: 'STORAGE', message: diskFullMessage, details: { reason: 'disk-full' } },
      });
      expect(core.logged.at(-1)).toMatchObject({ code: 'SQLITE_FULL' });
      const counts = core.sqlite.prepare('select (select count(*) from contacts) as contacts, (select count(*) from import_batches) as batches').get();
      expect(counts).toEqual({ contacts: 1, batches: 0 });

      core.sqlite.pragma(`max_page_count = ${roomy}`);
      expect(await core.call('transfer.importContacts', { file, duplicates: { all: 'merge' } })).toMatchObject({ ok: true, value: { created: rowCount - 1, merged: 1 } });
    } finally {
      await core.close();
    }
  });
});
