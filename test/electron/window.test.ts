import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the electron module: the real runtime cannot be downloaded here,
// and these tests are about what we ask of Electron, not Electron itself.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const state = {
    windows: [] as Array<{
      options: Record<string, unknown>;
      listeners: Map<string, Listener>;
      openHandler?: (details: { url: string }) => unknown;
      session: {
        requestHandler?: (...args: unknown[]) => void;
        checkHandler?: (...args: unknown[]) => unknown;
        headersListener?: (...args: unknown[]) => void;
      };
      loaded?: string;
    }>,
    openExternal: [] as string[],
  };
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof state.windows)[number] = { options, listeners: new Map(), session: {} };
      state.windows.push(record);
      this.webContents = {
        on: (name: string, listener: Listener) => record.listeners.set(name, listener),
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (record.openHandler = handler),
        session: {
          setPermissionRequestHandler: (handler: () => void) => (record.session.requestHandler = handler),
          setPermissionCheckHandler: (handler: () => unknown) => (record.session.checkHandler = handler),
          webRequest: { onHeadersReceived: (listener: () => void) => (record.session.headersListener = listener) },
        },
      };
      this.loadFile = async (file: string) => {
        record.loaded = file;
      };
    }
    loadFile: (file: string) => Promise<void>;
    once() {}
    show() {}
  }
  const shell = { openExternal: async (url: string) => void state.openExternal.push(url) };
  return { state, BrowserWindow, shell };
});

vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow, shell: fake.shell }));

const { createMainWindow, windowOptions, contentSecurityPolicy } = await import('../../src-main/electron/window.ts');

const appRoot = join('/opt', 'Ambassador', 'resources', 'app.asar');
const pageUrl = pathToFileURL(join(appRoot, 'dist-renderer', 'index.html')).href;

function openWindow() {
  createMainWindow(appRoot);
  const window = fake.state.windows.at(-1)!;
  const navigate = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    window.listeners.get(name)!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { window, navigate };
}

describe('the window, against a stand-in electron module', () => {
  beforeEach(() => {
    fake.state.windows.length = 0;
    fake.state.openExternal.length = 0;
  });

  it('runs the page sandboxed and isolated, with no Node, and only our preload', () => {
    const prefs = windowOptions('/app/dist-main/preload.cjs').webPreferences!;
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
    });
  });

  it('creates the window with the built preload and loads the built page from the app folder', () => {
    const { window } = openWindow();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs.preload).toBe(join(appRoot, 'dist-main', 'preload.cjs'));
    expect(prefs.sandbox).toBe(true);
    expect(window.loaded).toBe(join(appRoot, 'dist-renderer', 'index.html'));
  });

  it('stays on its own page: navigation elsewhere is blocked and only web links open in the system browser', () => {
    const { navigate } = openWindow();
    expect(navigate('will-navigate', `${pageUrl}#/contacts`)).toBe(false);
    expect(navigate('will-navigate', 'https://example.com/pricing')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fake.state.openExternal).toEqual(['https://example.com/pricing']);
  });

  it('blocks redirects away from its page without opening anything', () => {
    const { navigate } = openWindow();
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', pageUrl)).toBe(false);
    expect(fake.state.openExternal).toEqual([]);
  });

  it('denies every window.open, handing only http(s) links to the system browser', () => {
    const { window } = openWindow();
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'smb://share/x', pageUrl]) {
      expect(window.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.state.openExternal).toEqual(['https://example.com/', 'http://example.com/']);
  });

  it('denies every permission request and check', () => {
    const { window } = openWindow();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      window.session.requestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(window.session.checkHandler!(null, permission, 'file://', {})).toBe(false);
    }
  });

  it('adds the Content-Security-Policy header to responses, keeping their other headers', () => {
    const { window } = openWindow();
    const callback = vi.fn();
    window.session.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("script-src 'self';");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
