import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../shared/contacts/contacts.schemas.ts';
import { createCore } from '../../src-main/core/core.ts';
import { startCoreWorker } from '../../src-main/core/worker-client.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

describe('the database file', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  beforeEach(() => {
    data = makeTempDataDir();
  });
  afterEach(() => data.remove());

  it('is created in the data folder with WAL, full sync and foreign keys, and survives a reopen', async () => {
    const core = await createCore({ dataDir: join(data.dir, 'nested', 'folder') });
    const created = await core.dispatch('contacts.create', { firstName: 'Ada' });
    expect(created.ok).toBe(true);
    await core.close();

    const raw = new Sqlite(join(data.dir, 'nested', 'folder', 'ambassador.sqlite'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const reopened = await createCore({ dataDir: join(data.dir, 'nested', 'folder') });
    const page = await reopened.dispatch('contacts.list', {});
    expect(page.ok && (page.value as ContactListPage).total).toBe(1);
    await reopened.close();
  });

  it('refuses to open a file that is not a database, with a message that says what to do', async () => {
    writeFileSync(join(data.dir, 'ambassador.sqlite'), 'this is not a database '.repeat(500));
    await expect(createCore({ dataDir: data.dir })).rejects.toThrow(/Ambassador|damaged|restore/i);
  });

  it('reports a failed start from the worker thread as an error, not a hang', async () => {
    writeFileSync(join(data.dir, 'ambassador.sqlite'), 'this is not a database '.repeat(500));
    await expect(startCoreWorker({ dataDir: data.dir })).rejects.toThrow(/is damaged, so Ambassador did not open it/);
  });

  it('turns an unexpected failure into INTERNAL without leaking a stack trace', async () => {
    const logged: unknown[] = [];
    const core = await createCore({ dataDir: data.dir, logError: (error) => logged.push(error) });
    const raw = new Sqlite(join(data.dir, 'ambassador.sqlite'));
    raw.exec('drop table tag_counts');
    raw.close();
    const result = await core.dispatch('tags.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toMatch(/at |\.ts|SqliteError/);
    expect(logged).toHaveLength(1);
    await core.close();
  });

  it('finishes calls already running before it closes, and refuses new ones after', async () => {
    const core = await createCore({ dataDir: data.dir });
    const pending = core.dispatch('contacts.seedSample', {});
    await core.close();
    expect(await pending).toEqual({ ok: true, value: { created: 50 } });
    expect(await core.dispatch('tags.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
