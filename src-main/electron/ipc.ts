import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { DispatchResult } from '../../shared/api/result.ts';
import type { CoreHandle } from '../core/core-handle.ts';
import { isAppPage } from './protocol.ts';

/** The one IPC channel the renderer may call; everything goes through `core.dispatch`. */
export const invokeChannel = 'api:invoke';

type SenderFrame = { url: string; parent: unknown } | null | undefined;

export type IpcOptions = {
  core: CoreHandle;
  /** True for the webContents of a window this process created. */
  isOwnWindow: (contents: WebContents) => boolean;
};

const untrusted: DispatchResult = {
  ok: false,
  error: { code: 'VALIDATION', message: 'This request did not come from Ambassador’s own window, so it was refused.' },
};

const badMethod: DispatchResult = {
  ok: false,
  error: { code: 'VALIDATION', message: 'The request named no method: the method must be a text such as “contacts.create”.' },
};

/**
 * A request is trusted only from the top frame of one of our windows showing our
 * own page: not an iframe, not a page the window was somehow navigated to.
 */
export function isTrustedSender(frame: SenderFrame, contents: WebContents, options: Pick<IpcOptions, 'isOwnWindow'>): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppPage(frame.url) && options.isOwnWindow(contents);
}

/**
 * The IPC handler itself, separate from registration so it can be called directly.
 * Refusals resolve to an error result rather than throwing: the renderer's
 * transport then sees the same `{ ok: false, error }` shape as every other
 * failure, and Electron does not log a "remote method" error for each one.
 */
export function createInvokeHandler(options: IpcOptions) {
  return (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<DispatchResult> => {
    if (!isTrustedSender(event.senderFrame, event.sender, options)) return Promise.resolve(untrusted);
    if (typeof method !== 'string' || method === '') return Promise.resolve(badMethod);
    return options.core.dispatch(method, input);
  };
}

/** Registers the handler; the returned function removes it (for tests and shutdown). */
export function registerIpc(options: IpcOptions): () => void {
  ipcMain.handle(invokeChannel, createInvokeHandler(options));
  return () => ipcMain.removeHandler(invokeChannel);
}
