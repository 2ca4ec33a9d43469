import type { IpcRendererEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileChoice } from '../../shared/api/result.ts';

// A stand-in for the electron module on both sides: the preload's ipcRenderer
// hands each invoke to what main registered on ipcMain, as Electron would, with
// the sender frame the test chooses; the dialogs answer what the test sets.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    sender: { frame: null as { url: string; parent: unknown } | null, contents: undefined as unknown },
    openAnswer: { canceled: false, filePaths: [] as string[] },
    saveAnswer: { canceled: false, filePath: '' as string | undefined },
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(),
  };
});

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
      if (fake.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  BrowserWindow: { fromWebContents: (contents: { window?: unknown }) => contents.window ?? null },
  dialog: {
    showOpenDialog: fake.showOpenDialog.mockImplementation(async () => fake.openAnswer),
    showSaveDialog: fake.showSaveDialog.mockImplementation(async () => fake.saveAnswer),
  },
  protocol: {},
}));

const { registerFileDialogs, suggestedFileName } = await import('../../src-main/electron/dialogs.ts');
const { createBridge } = await import('../../src-main/electron/preload.ts');

const pageUrl = 'app://ambassador/index.html';
const ownWindow = { title: 'Ambassador' };
const ownContents = { id: 1, window: ownWindow } as unknown as WebContents;
const otherContents = { id: 2, window: { title: 'Other' } } as unknown as WebContents;

/** The preload's bridge wired to main's handlers through a stand-in IPC. */
function bridge() {
  const ipc = {
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = fake.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: fake.sender.frame, sender: fake.sender.contents }, ...args);
    },
    on: (_channel: string, _listener: (event: IpcRendererEvent, ...args: unknown[]) => void) => undefined,
    removeListener: () => undefined,
  };
  return createBridge(ipc).files!;
}

const backups: FileChoice = { title: 'Restore from file', typeName: 'Ambassador backups', extensions: ['ambassador'] };

describe('native file dialogs, from the preload to the main process', () => {
  beforeEach(() => {
    fake.handlers.clear();
    fake.showOpenDialog.mockClear();
    fake.showSaveDialog.mockClear();
    fake.sender.frame = { url: `${pageUrl}#/backup`, parent: null };
    fake.sender.contents = ownContents;
    registerFileDialogs({ isOwnWindow: (contents) => contents === ownContents });
  });

  it('registers files:chooseOpen and files:chooseSave, and removes them again', () => {
    expect([...fake.handlers.keys()]).toEqual(['files:chooseOpen', 'files:chooseSave']);
    fake.handlers.clear();
    const dispose = registerFileDialogs({ isOwnWindow: () => true });
    dispose();
    expect(fake.handlers.size).toBe(0);
  });

  it('opens the open dialog on our window with the file type, and answers the chosen path', async () => {
    fake.openAnswer = { canceled: false, filePaths: ['/home/ada/Backups/Ambassador-2026-12-02-0930.ambassador'] };
    await expect(bridge().chooseOpen(backups)).resolves.toBe('/home/ada/Backups/Ambassador-2026-12-02-0930.ambassador');
    expect(fake.showOpenDialog).toHaveBeenCalledExactlyOnceWith(ownWindow, {
      title: 'Restore from file',
      filters: [{ name: 'Ambassador backups', extensions: ['ambassador'] }],
      properties: ['openFile'],
    });
  });

  it('opens the save dialog with the suggested name, and answers the chosen path', async () => {
    fake.saveAnswer = { canceled: false, filePath: '/media/usb/Ambassador-2026-12-02-0930.ambassador' };
    const choice = { ...backups, title: 'Back up now', suggestedName: 'Ambassador-2026-12-02-0930.ambassador' };
    await expect(bridge().chooseSave(choice)).resolves.toBe('/media/usb/Ambassador-2026-12-02-0930.ambassador');
    expect(fake.showSaveDialog).toHaveBeenCalledExactlyOnceWith(ownWindow, {
      title: 'Back up now',
      defaultPath: 'Ambassador-2026-12-02-0930.ambassador',
      filters: [{ name: 'Ambassador backups', extensions: ['ambassador'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('answers null when the user cancels either dialog', async () => {
    fake.openAnswer = { canceled: true, filePaths: [] };
    fake.saveAnswer = { canceled: true, filePath: '' };
    await expect(bridge().chooseOpen(backups)).resolves.toBeNull();
    await expect(bridge().chooseSave({ ...backups, suggestedName: 'contacts.csv' })).resolves.toBeNull();
  });

  it('refuses a foreign page, an embedded frame and a window we did not create, showing no dialog', async () => {
    const refused = /did not come from Ambassador’s own window/;
    fake.sender.frame = { url: 'https://evil.example/', parent: null };
    await expect(bridge().chooseOpen(backups)).rejects.toThrow(refused);
    fake.sender.frame = { url: pageUrl, parent: { url: pageUrl } };
    await expect(bridge().chooseSave({ ...backups, suggestedName: 'a.csv' })).rejects.toThrow(refused);
    fake.sender.frame = { url: pageUrl, parent: null };
    fake.sender.contents = otherContents;
    await expect(bridge().chooseOpen(backups)).rejects.toThrow(refused);
    expect(fake.showOpenDialog).not.toHaveBeenCalled();
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a choice that is not one: no dialog opens', async () => {
    const files = bridge();
    for (const choice of [undefined, {}, { ...backups, extensions: ['*'] }, { ...backups, extensions: ['csv;rm -rf'] }, { ...backups, title: 7 }]) {
      await expect(files.chooseOpen(choice as FileChoice)).rejects.toThrow(/without a title, a file type and its extensions/);
    }
    await expect(files.chooseSave({ ...backups, suggestedName: '..' })).rejects.toThrow(/without a title/);
    expect(fake.showOpenDialog).not.toHaveBeenCalled();
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });

  it('suggests a bare file name, never a folder', () => {
    expect(suggestedFileName('/etc/cron.d/contacts.csv')).toBe('contacts.csv');
    expect(suggestedFileName('..\\..\\contacts.vcf')).toBe('contacts.vcf');
    expect(suggestedFileName('..')).toBeUndefined();
    expect(suggestedFileName(42)).toBeUndefined();
  });
});
