import { describe, expect, it, vi } from 'vitest';
import type { CoreHandle } from '../../src-main/core/core-handle.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// Browser mode's wiring: what it asks of the core it starts, and that stopping
// waits for the core to close (the quit backup happens there).
const fake = vi.hoisted(() => {
  let closeCalled = () => {};
  return {
    started: [] as unknown[],
    closed: 0,
    finishClose: () => {},
    closeAsked: new Promise<void>((resolve) => (closeCalled = resolve)),
    closeCalled: () => closeCalled(),
  };
});

vi.mock('../../src-main/core/worker-client.ts', () => ({
  startCoreWorker: async (options: unknown): Promise<CoreHandle> => {
    fake.started.push(options);
    return {
      dispatch: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'Not in this test.' } }),
      onEvent: () => () => {},
      close: () =>
        new Promise<void>((resolve) => {
          fake.closeCalled();
          fake.finishClose = () => {
            fake.closed++;
            resolve();
          };
        }),
    };
  },
}));

const { serveBrowserMode } = await import('../../src-main/http/serve.ts');

describe('browser mode’s core', () => {
  it('starts with automatic backups on the data folder, and stopping waits until the core has closed', async () => {
    const data = makeTempDataDir();
    try {
      const serving = await serveBrowserMode({ dataDir: data.dir, port: 0, rendererDir: data.dir });
      expect(fake.started).toEqual([{ dataDir: data.dir, automaticBackups: true }]);
      let stopped = false;
      const stopping = serving.stop().then(() => (stopped = true));
      await fake.closeAsked;
      expect(stopped).toBe(false);
      fake.finishClose();
      await stopping;
      expect(fake.closed).toBe(1);
    } finally {
      data.remove();
    }
  });
});
