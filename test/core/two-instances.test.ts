import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHandle } from '../../src-main/core/core-handle.ts';
import { startCoreWorker } from '../../src-main/core/worker-client.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The desktop window and a browser-mode server may have one data folder open at
// the same time: two workers, two connections, one file.
describe('two Ambassador processes on one data folder', () => {
  const data = makeTempDataDir();
  const cores: CoreHandle[] = [];
  afterEach(async () => {
    await Promise.all(cores.map((core) => core.close()));
    data.remove();
  });

  it('both write at once without “database is locked” errors or lost writes', async () => {
    cores.push(await startCoreWorker({ dataDir: data.dir }), await startCoreWorker({ dataDir: data.dir }));
    const writes = cores.flatMap((core, which) =>
      Array.from({ length: 40 }, (_, index) => core.dispatch('contacts.create', { firstName: `Writer${which}`, lastName: `Number${index}`, tags: ['busy'] })),
    );
    const results = await Promise.all(writes);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const page = await cores[0]!.dispatch('contacts.list', { limit: 1 });
    expect(page.ok && (page.value as { total: number }).total).toBe(80);

    // Updates read before they write: the pattern that fails at once, without
    // waiting, when two deferred transactions both hold a read lock.
    const created = results.map((result) => (result.ok ? (result.value as { id: string; updatedAt: string }) : null)!);
    const updates = created.map((contact, index) =>
      cores[index % 2]!.dispatch('contacts.update', {
        id: contact.id,
        expectedUpdatedAt: contact.updatedAt,
        fields: { firstName: 'Edited', lastName: `Number${index}` },
      }),
    );
    expect((await Promise.all(updates)).filter((result) => !result.ok)).toEqual([]);
  });
});
