import { app, dialog, session } from 'electron';
import type { BrowserWindow, WebContents } from 'electron';
import { mkdirSync } from 'node:fs';
import type { CoreHandle } from '../core/core-handle.ts';
import { startCoreWorker } from '../core/worker-client.ts';
import { chooseDataDir } from './data-dir.ts';
import { hardenEveryContents, hardenSession } from './hardening.ts';
import { registerFileDialogs } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { createDueNotifier, dueAnnouncementIn, type OpenTarget } from './notifications.ts';
import { registerAppScheme, serveAppFiles } from './protocol.ts';
import { appPaths, createMainWindow } from './window.ts';

// Give the core this long to finish pending writes, make the quit backup (to a
// slow USB stick, a large database takes tens of seconds) and close the database.
const closeTimeoutMs = 120_000;

const dataDir = chooseDataDir(process.argv, process.env, () => app.getPath('userData'));
// Chromium's profile and the single-instance lock follow the data folder, so two
// windows never share one database and a test's folder never locks the user's.
if (dataDir !== app.getPath('userData')) {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch {
    // start() opens the database and shows the core's sentence for this folder.
  }
  app.setPath('userData', dataDir);
}
// Every renderer is sandboxed, whatever a window's own options say.
app.enableSandbox();
// Both must happen before ready: the scheme's privileges, and the hardening of
// every web contents from the first one on.
registerAppScheme();
hardenEveryContents(app);

const paths = appPaths(app.getAppPath());

const windows = new Set<BrowserWindow>();
let core: CoreHandle | undefined;
let closed = false;

function openWindow(): BrowserWindow {
  // A user's packaged copy has no developer tools; a development run does.
  const window = createMainWindow({ preload: paths.preload, devTools: !app.isPackaged });
  windows.add(window);
  window.on('closed', () => windows.delete(window));
  return window;
}

function focusWindow(): void {
  const [window] = windows;
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/**
 * A notification's click: the window comes to the front on that screen. The page
 * learns where on its own narrow channel, `app:open` (preload.ts sets the route);
 * a window opened for it (macOS keeps running without one) is told once it has loaded.
 */
function openInWindow(target: OpenTarget): void {
  const [existing] = windows;
  if (existing && !existing.isDestroyed()) {
    focusWindow();
    existing.webContents.send('app:open', target);
    return;
  }
  const window = openWindow();
  window.webContents.once('did-finish-load', () => window.webContents.send('app:open', target));
}

async function start(): Promise<void> {
  try {
    // Daily and at-quit backups belong to the app's own runs, not to one-off CLI commands.
    core = await startCoreWorker({ dataDir, automaticBackups: true });
  } catch (error) {
    // The core's message says what happened and what to do for that case (a
    // locked file is not a damaged one): no generic advice is added to it.
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Ambassador cannot open its data', `Ambassador could not open its database in ${dataDir}.\n\n${reason}`);
    closed = true;
    app.exit(1);
    return;
  }
  const notifyDue = createDueNotifier(openInWindow);
  core.onEvent((event) => {
    for (const window of windows) {
      if (!window.isDestroyed()) window.webContents.send('api:event', event);
    }
    const due = dueAnnouncementIn(event);
    if (due) notifyDue(due);
  });
  const isOwnWindow = (contents: WebContents) => [...windows].some((window) => !window.isDestroyed() && window.webContents === contents);
  registerIpc({ core, isOwnWindow });
  registerFileDialogs({ isOwnWindow });
  openWindow();
}

/** Closes the database before the process ends; a hung worker cannot keep the app alive. */
async function closeCore(): Promise<void> {
  if (!core) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, closeTimeoutMs);
  });
  await Promise.race([core.close().catch(() => undefined), timeout]);
  clearTimeout(timer);
}

if (!app.requestSingleInstanceLock()) {
  // Another window already has this data folder open; it comes to the front instead.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && windows.size === 0) openWindow();
  });
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    // The quit backup may take a while: no window stays on screen that no longer answers.
    for (const window of windows) if (!window.isDestroyed()) window.hide();
    void closeCore().then(() => app.quit());
  });
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveAppFiles(paths.rendererDir);
    return start();
  });
}
