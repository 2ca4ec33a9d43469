import type { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../shared/api/events.ts';
import { chooseDataDir } from '../../src-main/electron/data-dir.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// A stand-in for the electron module, the core's worker and the window factory:
// main.ts is wiring, so these tests check the wiring — single instance, data
// folder, error dialog, event forwarding, due follow-ups as native notifications
// and a clean database close on quit.
const fake = vi.hoisted(() => ({
  app: undefined as unknown as EventEmitter & Record<string, ReturnType<typeof vi.fn>> & { isPackaged: boolean },
  gotLock: true,
  isPackaged: true,
  ready: Promise.resolve(),
  windows: [] as Array<EventEmitter & Record<string, ReturnType<typeof vi.fn>> & { webContents: EventEmitter & { send: ReturnType<typeof vi.fn> } }>,
  notifications: [] as Array<EventEmitter & { options: { title: string; body: string }; show: ReturnType<typeof vi.fn> }>,
  windowSettings: [] as unknown[],
  startCoreWorker: vi.fn(),
  showErrorBox: vi.fn(),
  handle: vi.fn(),
  registerSchemesAsPrivileged: vi.fn(),
  protocolHandle: vi.fn(),
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
  },
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    getPath: vi.fn(() => '/home/user/.config/Ambassador'),
    setPath: vi.fn(),
    getAppPath: vi.fn(() => '/opt/Ambassador/resources/app.asar'),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => fake.gotLock),
    whenReady: vi.fn(() => fake.ready),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  Object.defineProperty(app, 'isPackaged', { get: () => fake.isPackaged });
  fake.app = app as never;
  return {
    app,
    BrowserWindow: class {},
    dialog: { showErrorBox: fake.showErrorBox },
    ipcMain: { handle: fake.handle },
    protocol: { registerSchemesAsPrivileged: fake.registerSchemesAsPrivileged, handle: fake.protocolHandle },
    session: { defaultSession: fake.defaultSession },
    shell: {},
    Notification: class extends EventEmitter {
      static isSupported = () => true;
      show = vi.fn();
      options: { title: string; body: string };
      constructor(options: { title: string; body: string }) {
        super();
        this.options = options;
        fake.notifications.push(this as never);
      }
    },
  };
});
vi.mock('../../src-main/core/worker-client.ts', () => ({ startCoreWorker: fake.startCoreWorker }));
vi.mock('../../src-main/electron/window.ts', async (original) => {
  const { EventEmitter } = await import('node:events');
  return {
    ...(await original<object>()),
    createMainWindow: (settings: unknown) => {
      fake.windowSettings.push(settings);
      const window = Object.assign(new EventEmitter(), {
        webContents: Object.assign(new EventEmitter(), { send: vi.fn() }),
        isDestroyed: vi.fn(() => false),
        isMinimized: vi.fn(() => true),
        restore: vi.fn(),
        focus: vi.fn(),
        hide: vi.fn(),
      });
      fake.windows.push(window as never);
      return window;
    },
  };
});

function fakeCore() {
  const listeners = new Set<(event: CoreEvent) => void>();
  let finishClose = () => {};
  const core = {
    dispatch: vi.fn(),
    onEvent: (listener: (event: CoreEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    close: vi.fn(() => new Promise<void>((done) => (finishClose = done))),
    emit: (event: CoreEvent) => listeners.forEach((listener) => listener(event)),
    finishClose: () => finishClose(),
  };
  return core;
}

const flush = () => new Promise((done) => setTimeout(done, 0));

async function startMain(argv: string[] = []) {
  const savedArgv = process.argv;
  process.argv = ['electron', '.', ...argv];
  try {
    await import('../../src-main/electron/main.ts');
  } finally {
    process.argv = savedArgv;
  }
  await flush();
}

describe('the main process, against a stand-in electron module', () => {
  const temp = makeTempDataDir('ambassador-electron-main-');
  beforeEach(() => {
    vi.stubEnv('AMBASSADOR_DATA_DIR', '');
    vi.resetModules();
    // The stand-in app outlives a test: drop the listeners earlier main modules left on it.
    fake.app?.removeAllListeners();
    fake.gotLock = true;
    fake.isPackaged = true;
    fake.ready = Promise.resolve();
    fake.windows.length = 0;
    fake.notifications.length = 0;
    fake.windowSettings.length = 0;
    fake.startCoreWorker.mockReset();
    fake.showErrorBox.mockReset();
    fake.handle.mockReset();
    fake.registerSchemesAsPrivileged.mockReset();
    fake.protocolHandle.mockReset();
    for (const setter of Object.values(fake.defaultSession)) setter.mockReset();
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => temp.remove());

  it('opens the core on the --data-dir folder, registers IPC and opens one sandboxed window', async () => {
    const core = fakeCore();
    fake.startCoreWorker.mockResolvedValue(core);
    const dataDir = `${temp.dir}/chosen`;
    await startMain(['--data-dir', dataDir]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', resolve(dataDir));
    expect(fake.startCoreWorker).toHaveBeenCalledWith({ dataDir: resolve(dataDir), automaticBackups: true });
    expect(fake.handle.mock.calls.map(([channel]) => channel)).toEqual(['api:invoke', 'files:chooseOpen', 'files:chooseSave']);
    expect(fake.windows).toHaveLength(1);
  });

  it('registers the app:// scheme and hardens every web contents before ready; serves app:// once ready', async () => {
    fake.startCoreWorker.mockResolvedValue(fakeCore());
    let becomeReady = () => {};
    fake.ready = new Promise<void>((resolve) => (becomeReady = resolve));
    await startMain();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.protocolHandle).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);

    becomeReady();
    await flush();
    expect(fake.protocolHandle).toHaveBeenCalledOnce();
    expect(fake.protocolHandle.mock.calls[0]![0]).toBe('app');
    expect(fake.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fake.defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();
    expect(fake.defaultSession.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(fake.windows).toHaveLength(1);
  });

  it('opens the window without developer tools in the packaged app, with them in a development run', async () => {
    fake.startCoreWorker.mockResolvedValue(fakeCore());
    await startMain();
    vi.resetModules();
    fake.isPackaged = false;
    await startMain();
    expect(fake.windowSettings).toEqual([
      { preload: '/opt/Ambassador/resources/app.asar/dist-main/preload.cjs', devTools: false },
      { preload: '/opt/Ambassador/resources/app.asar/dist-main/preload.cjs', devTools: true },
    ]);
  });

  it('forwards core events to every window on api:event', async () => {
    const core = fakeCore();
    fake.startCoreWorker.mockResolvedValue(core);
    await startMain();
    const event: CoreEvent = { name: 'contacts.changed', payload: { ids: ['c1'], reason: 'created' } };
    core.emit(event);
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledWith('api:event', event);
  });

  it('shows each follow-up that falls due as a native notification; a click brings the window forward on that contact', async () => {
    const core = fakeCore();
    fake.startCoreWorker.mockResolvedValue(core);
    await startMain();
    const window = fake.windows[0]!;
    const note = { id: 'f1', contactId: 'c 1', contactName: 'Ada Lovelace', kind: 'handwritten_note', title: 'Thank her for the referral', dueDate: '2026-12-02', dueTime: null } as const;
    core.emit({ name: 'followups.due', payload: { items: [note], missedWhileClosed: false } });
    expect(fake.notifications).toHaveLength(1);
    const [notification] = fake.notifications;
    expect(notification!.options).toEqual({ title: 'Handwritten note for Ada Lovelace', body: 'Thank her for the referral' });
    expect(notification!.show).toHaveBeenCalledOnce();
    expect(window.focus).not.toHaveBeenCalled();

    notification!.emit('click');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('app:open', { screen: 'contact', id: 'c 1' });
  });

  it('sums up the follow-ups that fell due while it was closed in one notification that opens Today', async () => {
    const core = fakeCore();
    fake.startCoreWorker.mockResolvedValue(core);
    await startMain();
    const items = ['c1', 'c2', 'c3'].map((contactId, index) => ({ id: `f${index}`, contactId, contactName: 'Grace Hopper', kind: 'call' as const, title: 'Call', dueDate: '2026-11-30', dueTime: null }));
    core.emit({ name: 'followups.due', payload: { items, missedWhileClosed: true } });
    expect(fake.notifications.map((notification) => notification.options.title)).toEqual(['While Ambassador was closed, 3 follow-ups fell due']);
    expect(fake.notifications[0]!.show).toHaveBeenCalledOnce();

    // macOS keeps running with no window: the click opens one and tells it once it has loaded.
    fake.windows[0]!.emit('closed');
    fake.notifications[0]!.emit('click');
    expect(fake.windows).toHaveLength(2);
    const opened = fake.windows[1]!;
    expect(opened.webContents.send).not.toHaveBeenCalledWith('app:open', expect.anything());
    opened.webContents.emit('did-finish-load');
    expect(opened.webContents.send).toHaveBeenCalledWith('app:open', { screen: 'today' });
  });

  it('closes the database before quitting: quit waits once for core.close (and its quit backup), then quits for real', async () => {
    const core = fakeCore();
    fake.startCoreWorker.mockResolvedValue(core);
    await startMain();
    const first = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledOnce();
    // No window stays on screen that no longer answers while the core finishes.
    expect(fake.windows[0]!.hide).toHaveBeenCalledOnce();
    expect(fake.app.quit).not.toHaveBeenCalled();
    core.finishClose();
    await flush();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    const second = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledOnce();
  });

  it('shows a clear error and quits when the database cannot be opened', async () => {
    fake.startCoreWorker.mockRejectedValue(new Error('The database failed its quick_check: it may be damaged.'));
    const dataDir = `${temp.dir}/broken`;
    await startMain(['--data-dir', dataDir]);
    expect(fake.showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = fake.showErrorBox.mock.calls[0]!;
    expect(title).toMatch(/cannot open its data/);
    expect(message).toContain(resolve(dataDir));
    expect(message).toContain('quick_check');
    // No advice of its own on top of the core's: replacing the file by hand is never right for every cause.
    expect(message).toBe(`Ambassador could not open its database in ${resolve(dataDir)}.\n\nThe database failed its quick_check: it may be damaged.`);
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('a second instance quits at once; the first one brings its window forward', async () => {
    fake.gotLock = false;
    await startMain();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.startCoreWorker).not.toHaveBeenCalled();

    vi.resetModules();
    fake.gotLock = true;
    fake.startCoreWorker.mockResolvedValue(fakeCore());
    await startMain();
    fake.app.emit('second-instance');
    expect(fake.windows[0]!.restore).toHaveBeenCalled();
    expect(fake.windows[0]!.focus).toHaveBeenCalled();
  });
});

describe('the data folder', () => {
  const userData = () => '/home/user/.config/Ambassador';

  it('is --data-dir first, then AMBASSADOR_DATA_DIR, then userData', () => {
    expect(chooseDataDir(['electron', '.', '--data-dir', '/a'], { AMBASSADOR_DATA_DIR: '/b' }, userData)).toBe(resolve('/a'));
    expect(chooseDataDir(['electron', '.', '--data-dir=/a'], {}, userData)).toBe(resolve('/a'));
    expect(chooseDataDir(['electron', '.'], { AMBASSADOR_DATA_DIR: '/b' }, userData)).toBe(resolve('/b'));
    expect(chooseDataDir(['electron', '.'], { AMBASSADOR_DATA_DIR: '' }, userData)).toBe(userData());
    expect(chooseDataDir(['electron', '.', '--data-dir'], {}, userData)).toBe(userData());
  });
});
