import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreHandle } from '../../src-main/core/core-handle.ts';

// A stand-in for the electron module: we record what is registered on ipcMain and
// call it the way Electron would.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { handlers, ipcMain };
});

vi.mock('electron', () => ({ ipcMain: fake.ipcMain, protocol: {} }));

const { registerIpc } = await import('../../src-main/electron/ipc.ts');

const pageUrl = 'app://ambassador/index.html';
const ownContents = { id: 1 } as unknown as WebContents;
const otherContents = { id: 2 } as unknown as WebContents;

function setUp() {
  const dispatch = vi.fn<CoreHandle['dispatch']>(async () => ({ ok: true, value: { id: 'c1' } }) as never);
  const core: CoreHandle = { dispatch, onEvent: () => () => {}, close: async () => {} };
  const dispose = registerIpc({ core, isOwnWindow: (contents) => contents === ownContents });
  const handler = fake.handlers.get('api:invoke')!;
  const call = (frame: { url: string; parent: unknown } | null, sender: WebContents, method: unknown, input: unknown = {}) =>
    handler({ senderFrame: frame, sender }, method, input);
  return { dispatch, dispose, call };
}

const refused = { ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('did not come from Ambassador') } };

describe('the api:invoke handler, against a stand-in electron module', () => {
  beforeEach(() => fake.handlers.clear());

  it('registers exactly one channel, and removes it again', () => {
    const { dispose } = setUp();
    expect([...fake.handlers.keys()]).toEqual(['api:invoke']);
    dispose();
    expect(fake.handlers.size).toBe(0);
  });

  it("forwards a request from our window's top frame on our page to the core, unchanged", async () => {
    const { dispatch, call } = setUp();
    const input = { kind: 'person', firstName: 'Ada' };
    await expect(call({ url: `${pageUrl}#/contacts`, parent: null }, ownContents, 'contacts.create', input)).resolves.toEqual({
      ok: true,
      value: { id: 'c1' },
    });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('contacts.create', input);
  });

  it('refuses a frame showing a foreign page', async () => {
    const { dispatch, call } = setUp();
    await expect(call({ url: 'https://evil.example/', parent: null }, ownContents, 'contacts.create')).resolves.toEqual(refused);
    await expect(call({ url: 'file:///tmp/evil/index.html', parent: null }, ownContents, 'contacts.create')).resolves.toEqual(refused);
    // The page as it was once loaded, from file://: no longer ours.
    const filePage = 'file:///opt/Ambassador/resources/app.asar/dist-renderer/index.html';
    await expect(call({ url: filePage, parent: null }, ownContents, 'contacts.create')).resolves.toEqual(refused);
    await expect(call({ url: 'app://other/index.html', parent: null }, ownContents, 'contacts.create')).resolves.toEqual(refused);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses an embedded frame, a missing frame and a window we did not create', async () => {
    const { dispatch, call } = setUp();
    await expect(call({ url: pageUrl, parent: { url: pageUrl } }, ownContents, 'contacts.create')).resolves.toEqual(refused);
    await expect(call(null, ownContents, 'contacts.create')).resolves.toEqual(refused);
    await expect(call({ url: pageUrl, parent: null }, otherContents, 'contacts.create')).resolves.toEqual(refused);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a request whose method is not a name', async () => {
    const { dispatch, call } = setUp();
    for (const method of [undefined, 42, { toString: () => 'contacts.create' }, '']) {
      const result = (await call({ url: pageUrl, parent: null }, ownContents, method)) as { ok: boolean; error: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('VALIDATION');
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});
