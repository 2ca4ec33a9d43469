import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { DispatchResult, AmbassadorBridge } from '../../shared/api/result.ts';

// Literal channel names, not imports: a sandboxed preload may require only
// 'electron', so this file must bundle to a CommonJS file with no other imports.
const invokeChannel = 'api:invoke';
const eventChannel = 'api:event';

/** The part of ipcRenderer the bridge uses, so tests can pass a fake. */
export type BridgeIpc = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
};

type CoreEventMessage = { name: string; payload: unknown };

/**
 * `window.ambassador`: two functions and nothing else. The page never gets
 * ipcRenderer or an IpcRendererEvent (whose `sender` is ipcRenderer), so it can
 * reach no channel but the one the main process checks.
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
  };
}

contextBridge.exposeInMainWorld('ambassador', createBridge(ipcRenderer) satisfies AmbassadorBridge);
