import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { pageUrl } from './protocol.ts';

/** Where the built app lives inside the app folder (the repo, or app.asar when packaged). */
export function appPaths(appRoot: string): { rendererDir: string; preload: string } {
  return { rendererDir: join(appRoot, 'dist-renderer'), preload: join(appRoot, 'dist-main', 'preload.cjs') };
}

export type WindowSettings = {
  preload: string;
  /** False in the packaged app: a user's copy has no developer tools to open. */
  devTools: boolean;
};

/** The window's options: the renderer is a sandboxed web page that sees only the preload's bridge. */
export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Ambassador',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: settings.preload,
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
      // The spellchecker downloads dictionaries; Ambassador makes no network calls.
      spellcheck: false,
      devTools: settings.devTools,
    },
  };
}

/**
 * Creates the app's window on its own page. Its web contents were hardened as
 * they were created (hardening.ts), before anything loads.
 */
export function createMainWindow(settings: WindowSettings): BrowserWindow {
  const window = new BrowserWindow(windowOptions(settings));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(pageUrl);
  return window;
}
