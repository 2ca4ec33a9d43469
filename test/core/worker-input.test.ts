import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHandle } from '../../src-main/core/core-handle.ts';
import { startCoreWorker } from '../../src-main/core/worker-client.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

function nested(depth: number): unknown {
  let value: unknown = 'Ada';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

describe('the core in its worker', () => {
  let core: CoreHandle | undefined;
  const folder = makeTempDataDir();
  afterEach(async () => {
    await core?.close();
    core = undefined;
    folder.remove();
  });

  it('refuses input it cannot send to the worker instead of leaving the call pending', async () => {
    core = await startCoreWorker({ dataDir: folder.dir });
    const refused = await core.dispatch('contacts.create', { firstName: nested(50_000) } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const tags = await core.dispatch('tags.list', {});
    expect(tags).toEqual({ ok: true, value: [] });
  });
});
