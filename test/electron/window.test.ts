import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the electron module: the real runtime cannot be downloaded here,
// and these tests are about what we ask of Electron, not Electron itself.
const fake = vi.hoisted(() => {
  const state = { windows: [] as Array<{ options: Record<string, unknown>; loadedUrl?: string; loadedFile?: string }> };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      state.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loadedUrl = url;
    }
    async loadFile(file: string) {
      this.record.loadedFile = file;
    }
    once() {}
    show() {}
  }
  return { state, BrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow, protocol: {} }));

const { appPaths, createMainWindow, windowOptions } = await import('../../src-main/electron/window.ts');

describe('the window, against a stand-in electron module', () => {
  beforeEach(() => {
    fake.state.windows.length = 0;
  });

  it('runs the page sandboxed and isolated, with no Node, and only our preload', () => {
    const prefs = windowOptions({ preload: '/app/dist-main/preload.cjs', devTools: false }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist-main/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('keeps the spellchecker off, since it downloads dictionaries', () => {
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences!.spellcheck).toBe(false);
  });

  it('has developer tools only when asked (a development run), never in the packaged app', () => {
    expect(windowOptions({ preload: '/p.cjs', devTools: false }).webPreferences!.devTools).toBe(false);
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('loads the page from app://, never from file://', () => {
    const appRoot = join('/opt', 'Ambassador', 'resources', 'app.asar');
    const paths = appPaths(appRoot);
    expect(paths).toEqual({ rendererDir: join(appRoot, 'dist-renderer'), preload: join(appRoot, 'dist-main', 'preload.cjs') });
    createMainWindow({ preload: paths.preload, devTools: false });
    const [window] = fake.state.windows;
    expect((window!.options.webPreferences as Record<string, unknown>).preload).toBe(paths.preload);
    expect(window!.loadedUrl).toBe('app://ambassador/index.html');
    expect(window!.loadedFile).toBeUndefined();
  });
});
