import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the electron module: the real runtime cannot be downloaded here.
// Web contents and sessions are event emitters that record what the app asks of
// them, driven the way Electron drives them.
const fake = vi.hoisted(() => ({ openExternal: [] as string[] }));

vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void fake.openExternal.push(url) },
  protocol: {},
}));

const { hardenEveryContents, hardenSession, isExternalLink } = await import('../../src-main/electron/hardening.ts');

const pageUrl = 'app://ambassador/index.html';

function standInSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
  };
}

function standInContents(session = standInSession()) {
  const contents = Object.assign(new EventEmitter(), {
    session,
    openHandler: undefined as undefined | ((details: { url: string }) => unknown),
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      contents.openHandler = handler;
    },
  });
  /** Emits a navigation event; true when the app stopped it. */
  const navigate = (name: string, url: string, isMainFrame = true) => {
    const event = { url, isMainFrame, preventDefault: vi.fn() };
    contents.emit(name, event);
    return event.preventDefault.mock.calls.length > 0;
  };
  const userInput = (type: string) => contents.emit('input-event', {}, { type });
  const windowOpen = (url: string) => contents.openHandler!({ url });
  return { contents, session, navigate, userInput, windowOpen };
}

/** A stand-in app; each web contents it "creates" goes through web-contents-created. */
function standInApp() {
  const app = new EventEmitter();
  hardenEveryContents(app as unknown as App);
  return {
    app,
    create: (session = standInSession()) => {
      const created = standInContents(session);
      app.emit('web-contents-created', {}, created.contents as unknown as WebContents);
      return created;
    },
  };
}

describe('hardening of every web contents, against a stand-in electron module', () => {
  beforeEach(() => {
    fake.openExternal.length = 0;
  });

  it('applies to every web contents the app creates, not just the main window', () => {
    const { create } = standInApp();
    for (const created of [create(), create()]) {
      expect(created.contents.listenerCount('will-navigate')).toBe(1);
      expect(created.contents.listenerCount('will-attach-webview')).toBe(1);
      expect(created.contents.openHandler).toBeTypeOf('function');
      expect(created.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    }
  });

  it('keeps the window on its own page: navigation anywhere else is stopped', () => {
    const { navigate } = standInApp().create();
    expect(navigate('will-navigate', `${pageUrl}#/contacts/c1`)).toBe(false);
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'app://ambassador/assets/x.js', 'javascript:alert(1)', 'not a url']) {
      expect(navigate('will-navigate', url), url).toBe(true);
    }
  });

  it('stops redirects and frame navigations away from the page without opening anything', () => {
    const { navigate, userInput } = standInApp().create();
    userInput('mouseUp');
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', pageUrl)).toBe(false);
    expect(navigate('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(fake.openExternal).toEqual([]);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = standInApp().create();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, whatever it asks for', () => {
    const { windowOpen, userInput } = standInApp().create();
    for (const url of ['https://example.com/', pageUrl, 'about:blank', 'file:///etc/passwd']) {
      userInput('mouseUp');
      expect(windowOpen(url)).toEqual({ action: 'deny' });
    }
  });

  it('opens nothing the page navigates to or opens on its own, without a click or key press', () => {
    const { navigate, windowOpen, userInput } = standInApp().create();
    expect(navigate('will-navigate', 'https://example.com/pricing')).toBe(true);
    windowOpen('https://example.com/pricing');
    userInput('mouseMove');
    userInput('mouseWheel');
    windowOpen('mailto:ada@example.com');
    expect(fake.openExternal).toEqual([]);
  });

  it('opens an https, mailto or tel link the user clicked, in the system’s app, once per click', () => {
    const { navigate, windowOpen, userInput } = standInApp().create();
    userInput('mouseUp');
    expect(navigate('will-navigate', 'https://example.com/pricing')).toBe(true);
    userInput('keyDown');
    windowOpen('mailto:ada@example.com');
    userInput('gestureTap');
    windowOpen('tel:+441234567890');
    // That click was used: the page cannot open a second link on its back.
    windowOpen('https://example.com/again');
    expect(fake.openExternal).toEqual(['https://example.com/pricing', 'mailto:ada@example.com', 'tel:+441234567890']);
  });

  it('never opens any other scheme, even after a click', () => {
    const { navigate, windowOpen, userInput } = standInApp().create();
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'ms-msdt:/id', 'app://ambassador/index.html#x', 'data:text/html,x', 'not a url']) {
      userInput('mouseUp');
      navigate('will-navigate', url);
      windowOpen(url);
    }
    expect(fake.openExternal).toEqual([]);
  });

  it('knows external links: https, mailto and tel only', () => {
    expect(['https://example.com', 'mailto:a@b.c', 'tel:+1555'].every(isExternalLink)).toBe(true);
    expect(['http://example.com', 'HTTPS://', 'ftp://x', 'file:///x', 'javascript:x', '', 'mailto'].some(isExternalLink)).toBe(false);
  });
});

describe('hardening of sessions, against a stand-in electron module', () => {
  it('denies every permission request, check and device, and turns the spellchecker off', () => {
    const session = standInSession();
    hardenSession(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0];
    const check = session.setPermissionCheckHandler.mock.calls[0]![0];
    const device = session.setDevicePermissionHandler.mock.calls[0]![0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'hid', 'serial', 'usb']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check(null, permission, pageUrl, {})).toBe(false);
    }
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(device({ deviceType, origin: pageUrl, device: {} })).toBe(false);
    }
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('hardens a session shared by several web contents once', () => {
    const { create } = standInApp();
    const shared = standInSession();
    create(shared);
    create(shared);
    hardenSession(shared as unknown as Session);
    expect(shared.setPermissionRequestHandler).toHaveBeenCalledOnce();
  });
});
