import { BrowserWindow, shell } from 'electron';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The same policy as the meta tag in dist-renderer/index.html, sent again as a
 * response header: a second layer for anything the meta tag does not cover.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Where the built app lives inside the app folder (the repo, or app.asar when packaged). */
export function appPaths(appRoot: string): { page: string; pageUrl: string; preload: string } {
  const page = join(appRoot, 'dist-renderer', 'index.html');
  return { page, pageUrl: pathToFileURL(page).href, preload: join(appRoot, 'dist-main', 'preload.cjs') };
}

/** The window's options: the renderer is a sandboxed web page that sees only the preload's bridge. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Ambassador',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
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
      spellcheck: true,
    },
  };
}

/** True when `url` is the app's own page (its #route or ?query may differ). */
export function isAppPage(url: string, pageUrl: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(pageUrl);
    return actual.protocol === 'file:' && actual.host === expected.host && actual.pathname === expected.pathname;
  } catch {
    return false;
  }
}

/** Only web links leave the app, and only to the system browser: never file:, javascript: or custom schemes. */
export function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function openInSystemBrowser(url: string): void {
  if (isWebLink(url)) void shell.openExternal(url);
}

/** Keeps the window on the app's page: no navigation, no redirects, no new windows. */
export function hardenContents(contents: WebContents, pageUrl: string): void {
  // The event's own `url` (the positional url argument is deprecated).
  contents.on('will-navigate', (event) => {
    if (isAppPage(event.url, pageUrl)) return;
    event.preventDefault();
    openInSystemBrowser(event.url);
  });
  // A redirect is never the user's click, so it is stopped without opening anything.
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, pageUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
}

/** A CRM needs no camera, microphone, location or notifications prompt from its page: deny them all. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

/** Creates the app's window on its own page, hardened before anything loads. */
export function createMainWindow(appRoot: string): BrowserWindow {
  const paths = appPaths(appRoot);
  const window = new BrowserWindow(windowOptions(paths.preload));
  hardenSession(window.webContents.session);
  hardenContents(window.webContents, paths.pageUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(paths.page);
  return window;
}
