import { BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { FileChoice } from '../../shared/api/result.ts';
import { isTrustedSender, type IpcOptions } from './ipc.ts';

/** The page asks for a file to read, or where to save one; each answers a path, or null when the user cancels. */
export const chooseOpenChannel = 'files:chooseOpen';
export const chooseSaveChannel = 'files:chooseSave';

type DialogOptions = Pick<IpcOptions, 'isOwnWindow'>;

// What the page sends is checked like any input from the renderer: short texts, plain extensions.
const extensionPattern = /^[A-Za-z0-9]{1,16}$/;

function text(value: unknown, most: number): string | undefined {
  return typeof value === 'string' && value.length <= most ? value : undefined;
}

/** The choice the page sent, or undefined when it is not one. */
export function readChoice(value: unknown): FileChoice | undefined {
  const { title, extensions, typeName } = (value ?? {}) as Record<string, unknown>;
  const safeTitle = text(title, 200);
  const safeTypeName = text(typeName, 200);
  if (safeTitle === undefined || safeTypeName === undefined || !Array.isArray(extensions) || extensions.length > 20) return undefined;
  if (!extensions.every((extension) => typeof extension === 'string' && extensionPattern.test(extension))) return undefined;
  return { title: safeTitle, typeName: safeTypeName, extensions: extensions as string[] };
}

/** The suggested name as a bare file name: the page chooses no folder. */
export function suggestedFileName(value: unknown): string | undefined {
  const name = text(value, 255)?.split(/[\\/]/).pop()?.trim();
  return name && name !== '.' && name !== '..' ? name : undefined;
}

function refuse(reason: string): never {
  throw new Error(reason);
}

const untrusted = 'This request did not come from Ambassador’s own window, so it was refused.';
const notAChoice = 'The file dialog was asked for without a title, a file type and its extensions.';

function filtersFor(choice: FileChoice) {
  return choice.extensions.length > 0 ? [{ name: choice.typeName, extensions: choice.extensions }] : [];
}

/**
 * The two dialog handlers, separate from registration so tests can call them.
 * A request from anywhere but our own window's top frame is refused (rejected,
 * so the page sees why); a cancelled dialog answers null.
 */
export function createDialogHandlers(options: DialogOptions) {
  const windowOf = (event: IpcMainInvokeEvent) => {
    if (!isTrustedSender(event.senderFrame, event.sender, options)) refuse(untrusted);
    return BrowserWindow.fromWebContents(event.sender) ?? refuse(untrusted);
  };
  return {
    chooseOpen: async (event: IpcMainInvokeEvent, value: unknown): Promise<string | null> => {
      const window = windowOf(event);
      const choice = readChoice(value) ?? refuse(notAChoice);
      const answer = await dialog.showOpenDialog(window, { title: choice.title, filters: filtersFor(choice), properties: ['openFile'] });
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    chooseSave: async (event: IpcMainInvokeEvent, value: unknown): Promise<string | null> => {
      const window = windowOf(event);
      const choice = readChoice(value) ?? refuse(notAChoice);
      const name = suggestedFileName((value as { suggestedName?: unknown }).suggestedName) ?? refuse(notAChoice);
      const answer = await dialog.showSaveDialog(window, {
        title: choice.title,
        defaultPath: name,
        filters: filtersFor(choice),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
  };
}

/** Registers both channels; the returned function removes them. */
export function registerFileDialogs(options: DialogOptions): () => void {
  const handlers = createDialogHandlers(options);
  ipcMain.handle(chooseOpenChannel, handlers.chooseOpen);
  ipcMain.handle(chooseSaveChannel, handlers.chooseSave);
  return () => {
    ipcMain.removeHandler(chooseOpenChannel);
    ipcMain.removeHandler(chooseSaveChannel);
  };
}
