import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../shared/api/result.ts';
import { databaseFileName } from '../../src-main/core/db/database.ts';
import { busyMessage } from '../../src-main/core/db/storage-failure.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';
import { openCoreWithConnection, type CoreWithConnection } from './core-with-connection.ts';

type LockHolder = { release: () => Promise<void>; child: ChildProcess };

/** Starts another process that holds the write lock on the data file until released. */
async function holdWriteLock(file: string): Promise<LockHolder> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'hold-write-lock.ts'), file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [first] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(first.toString()).toBe('locked\n');
  return {
    child,
    release: async () => {
      const exited = once(child, 'exit');
      child.stdin!.write('release\n');
      expect(await exited).toEqual([0, null]);
    },
  };
}

/** Lets a call run up to its first wait for the lock: it runs to there without leaving the thread. */
const letCallsStart = () => new Promise((resolve) => setImmediate(resolve));

describe('a write lock held by another program', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let core: CoreWithConnection | undefined;
  let holder: LockHolder | undefined;
  beforeEach(() => {
    data = makeTempDataDir();
  });
  afterEach(async () => {
    holder?.child.kill();
    holder = undefined;
    await core?.close();
    core = undefined;
    data.remove();
  });

  async function openCoreWithAda(options: { writeWaitMs?: number } = {}): Promise<CoreWithConnection> {
    core = await openCoreWithConnection(data.dir, options);
    expect((await core.call('contacts.create', { firstName: 'Ada' })).ok).toBe(true);
    return core;
  }

  it('does not hold up reads: a read answers while a write waits, and the write lands once the lock is released', async () => {
    const core = await openCoreWithAda();
    holder = await holdWriteLock(join(data.dir, databaseFileName));
    const answered: string[] = [];
    const note = (name: string) => (result: DispatchResult) => (answered.push(name), result);

    const write = core.call('contacts.create', { firstName: 'Grace' }).then(note('write'));
    await letCallsStart();
    const read = core.call('contacts.search', { query: 'Ada' }).then(note('read'));
    expect(await read).toMatchObject({ ok: true, value: [{ displayName: 'Ada' }] });
    expect(answered).toEqual(['read']);

    await holder.release();
    expect(await write).toMatchObject({ ok: true, value: { firstName: 'Grace' } });
    expect(answered).toEqual(['read', 'write']);
  });

  it('answers BUSY with what to do when the lock is never released, and writes again once it is', async () => {
    const core = await openCoreWithAda({ writeWaitMs: 1_000 });
    holder = await holdWriteLock(join(data.dir, databaseFileName));
    const write = core.call('contacts.create', { firstName: 'Grace' });
    await letCallsStart();
    expect(await core.call('contacts.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await write).toEqual({ ok: false, error: { code: 'BUSY', message: busyMessage } });
    expect(core.logged.at(-1)).toMatchObject({ code: 'SQLITE_BUSY' });

    await holder.release();
    expect(await core.call('contacts.create', { firstName: 'Grace' })).toMatchObject({ ok: true });
    expect(await core.call('contacts.list', {})).toMatchObject({ ok: true, value: { total: 2 } });
  });
});
