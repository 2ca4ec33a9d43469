/**
 * A stand-in for the parts of the `electron` module the IPC handler touches,
 * for tests that run outside Electron (its runtime cannot be downloaded here).
 * A test file opts in with
 *
 *   vi.mock('electron', () => import('../helpers/electron-stand-in.ts'));
 *
 * and then reaches what main.ts registered through `registeredHandlers`.
 */
type Handler = (...args: unknown[]) => unknown;

export const registeredHandlers = new Map<string, Handler>();

export const ipcMain = {
  handle: (channel: string, handler: Handler) => {
    if (registeredHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    registeredHandlers.set(channel, handler);
  },
  removeHandler: (channel: string) => {
    registeredHandlers.delete(channel);
  },
};

// protocol.ts (imported by ipc.ts for isAppPage) names it; the IPC path never calls it.
export const protocol = {};
