import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { DispatchResult, AmbassadorBridge } from '../../shared/api/result.ts';

// Literal channel names, not imports: a sandboxed preload may require only
// 'electron', so this file must bundle to a CommonJS file with no other imports.
const invokeChannel = 'api:invoke';
const eventChannel = 'api:event';
const openChannel = 'app:open';
const chooseOpenChannel = 'files:chooseOpen';
const chooseSaveChannel = 'files:chooseSave';

/** The part of ipcRenderer the bridge uses, so tests can pass a fake. */
export type BridgeIpc = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
};

type CoreEventMessage = { name: string; payload: unknown };

/**
 * `window.ambassador`: the API, its events and the native file dialogs, and
 * nothing else. The page never gets ipcRenderer or an IpcRendererEvent (whose
 * `sender` is ipcRenderer), so it can reach no channel but those the main
 * process checks.
 */
export function createBridge(ipc: BridgeIpc): AmbassadorBridge {
  return {
    invoke: (method, input) => ipc.invoke(invokeChannel, method, input) as Promise<DispatchResult>,
    onEvent: (listener) => {
      const forward = (_event: IpcRendererEvent, message: unknown) => listener(message as CoreEventMessage);
      ipc.on(eventChannel, forward);
      return () => {
        ipc.removeListener(eventChannel, forward);
      };
    },
    files: {
      chooseOpen: (choice) => ipc.invoke(chooseOpenChannel, choice) as Promise<string | null>,
      chooseSave: (choice) => ipc.invoke(chooseSaveChannel, choice) as Promise<string | null>,
    },
  };
}

/**
 * The page's route for where the main process asks to go (a notification's
 * click), in the form `hrefFor` in src-renderer/app/navigation.store.ts makes:
 * the page follows `hashchange`. Anything else is ignored.
 */
export function hashFor(target: unknown): string | undefined {
  const { screen, id } = (target ?? {}) as { screen?: unknown; id?: unknown };
  if (screen === 'contact' && typeof id === 'string' && id !== '') return `#/contacts/${encodeURIComponent(id)}`;
  if (screen === 'today') return '#/today';
  return undefined;
}

/**
 * Follows `app:open` by setting the page's location hash. The page gets no new
 * function: only the main process sends on this channel, and all it can do is
 * change the route.
 */
export function followOpenRequests(ipc: Pick<BridgeIpc, 'on'>, setHash: (hash: string) => void): void {
  ipc.on(openChannel, (_event, target) => {
    const hash = hashFor(target);
    if (hash) setHash(hash);
  });
}

contextBridge.exposeInMainWorld('ambassador', createBridge(ipcRenderer) satisfies AmbassadorBridge);
followOpenRequests(ipcRenderer, (hash) => {
  if (location.hash !== hash) location.hash = hash;
});
