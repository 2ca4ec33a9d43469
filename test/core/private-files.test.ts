import Sqlite from 'better-sqlite3';
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/core.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

// Windows has no such modes: its user folders are private already.
describe.skipIf(process.platform === 'win32')('on a shared computer', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  beforeEach(() => {
    data = makeTempDataDir();
  });
  afterEach(() => data.remove());

  it('the data folder Ambassador creates and its database files are readable by the user alone', async () => {
    const dataDir = join(data.dir, 'config', 'Ambassador');
    const core = await createCore({ dataDir });
    await core.dispatch('contacts.create', { firstName: 'Ada' });
    expect(modeOf(join(data.dir, 'config'))).toBe('700');
    expect(modeOf(dataDir)).toBe('700');
    for (const name of ['ambassador.sqlite', 'ambassador.sqlite-wal', 'ambassador.sqlite-shm']) {
      expect([name, modeOf(join(dataDir, name))]).toEqual([name, '600']);
    }
    await core.close();
  });

  it('a database left readable by others by an earlier version is made private', async () => {
    const file = join(data.dir, 'ambassador.sqlite');
    const first = await createCore({ dataDir: data.dir });
    await first.close();
    chmodSync(file, 0o644);
    const core = await createCore({ dataDir: data.dir });
    expect(modeOf(file)).toBe('600');
    expect(modeOf(`${file}-wal`)).toBe('600');
    await core.close();
  });

  it('a data folder the user made keeps the permissions they gave it', async () => {
    chmodSync(data.dir, 0o750);
    const core = await createCore({ dataDir: data.dir });
    await core.close();
    expect(modeOf(data.dir)).toBe('750');
    const raw = new Sqlite(join(data.dir, 'ambassador.sqlite'), { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(0x414d4241);
    raw.close();
  });
});
