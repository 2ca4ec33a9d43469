import { shell } from 'electron';
import type { App, Input, Session, WebContents } from 'electron';
import { isAppPage } from './protocol.ts';

/**
 * Links the system may open for the user: web pages over https, e-mail and
 * phone numbers. Never file:, javascript:, http: or any app's own scheme.
 */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:' || protocol === 'tel:';
  } catch {
    return false;
  }
}

// The input events by which a user activates a link (Chromium's own list of
// activating inputs, less mouse-down, which a click's mouse-up follows anyway).
const activatingInputs = new Set<Input['type']>(['mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap', 'touchEnd']);

/**
 * Keeps a web contents on the app's page: no navigation elsewhere, no
 * redirects, no new windows, no <webview>. A link the user activated (one
 * click or key press, used at most once) opens in the system's own app when
 * it is an external link; a page that navigates or opens windows on its own
 * opens nothing.
 */
export function hardenContents(contents: WebContents): void {
  let userActivated = false;
  contents.on('input-event', (_event, input) => {
    if (activatingInputs.has(input.type)) userActivated = true;
  });
  const openIfUserAsked = (url: string) => {
    if (!userActivated || !isExternalLink(url)) return;
    userActivated = false;
    void shell.openExternal(url);
  };

  contents.on('will-navigate', (event) => {
    if (isAppPage(event.url)) return;
    event.preventDefault();
    openIfUserAsked(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppPage(event.url)) event.preventDefault();
  });
  // A redirect is never the user's click: stopped, and nothing opens.
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfUserAsked(url);
    return { action: 'deny' };
  });
}

const hardenedSessions = new WeakSet<Session>();

/**
 * A CRM asks for no camera, microphone, location, USB, HID or serial device,
 * and its page shows no notifications itself (the main process will): every
 * permission is refused without a prompt. The spellchecker stays off, since
 * it downloads dictionaries and Ambassador makes no network calls.
 */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
}

/** Every web contents the app ever creates, windows or otherwise, is hardened before it loads anything. */
export function hardenEveryContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenSession(contents.session);
    hardenContents(contents);
  });
}
