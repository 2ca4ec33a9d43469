import Sqlite from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import { createCore } from '../../src-main/core/core.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The integrity check reads every page (seconds at 100,000 contacts), so it runs
// after start-up in a thread of its own: calls are answered meanwhile, and
// damage it finds is told to the user as an event.

describe('the background integrity check', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  beforeEach(() => {
    data = makeTempDataDir();
  });
  afterEach(() => data.remove());

  async function seeded(): Promise<string> {
    const core = await createCore({ dataDir: data.dir });
    await core.dispatch('contacts.seedSample', {});
    await core.close();
    return join(data.dir, 'ambassador.sqlite');
  }

  /** Overwrites the page of an index no call below reads, so only a check of every page notices. */
  function damageAnUnusedIndex(file: string): void {
    const raw = new Sqlite(file, { readonly: true });
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const root = raw.prepare("select rootpage from sqlite_master where name = 'plan_held_back_by_time'").pluck().get() as number;
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x41), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
  }

  it('does not hold start-up, and finds a sound file sound', async () => {
    await seeded();
    const core = await createCore({ dataDir: data.dir });
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    expect(await core.dispatch('contacts.count', {})).toEqual({ ok: true, value: { contacts: 50, trash: 0 } });
    await core.integrityChecked();
    expect(events.filter((event) => event.name === 'database.checkFailed')).toEqual([]);
    await core.close();
  });

  it('reports a damaged file as an event saying to restore a backup, while the core goes on answering', async () => {
    damageAnUnusedIndex(await seeded());
    const core = await createCore({ dataDir: data.dir });
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    expect(await core.dispatch('contacts.count', {})).toEqual({ ok: true, value: { contacts: 50, trash: 0 } });
    await core.integrityChecked();
    const failed = events.filter((event) => event.name === 'database.checkFailed');
    expect(failed).toEqual([
      { name: 'database.checkFailed', payload: { message: expect.stringMatching(/found damage in its data file .*ambassador\.sqlite\. .*Backup & data and restore your latest backup/) } },
    ]);
    // A window that opens later is told too.
    const late: CoreEvent[] = [];
    core.onEvent((event) => late.push(event));
    expect(late).toEqual(failed);
    expect(await core.dispatch('contacts.count', {})).toMatchObject({ ok: true });
    await core.close();
  });
});
