import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { pageContentTypes, pageSecurityHeaders } from '../../shared/security/content-security-policy.ts';

/**
 * The page is served from app://ambassador/ rather than file://: a file:// page
 * may read any file:// URL, while this origin holds the built renderer and
 * nothing else.
 */
export const appScheme = 'app';
const appHost = 'ambassador';
export const pageUrl = `${appScheme}://${appHost}/index.html`;


/**
 * Standard, so relative URLs, localStorage and 'self' work as on https; secure,
 * so the page is a secure context. Electron allows this only before `ready`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true } }]);
}

// Node's URL gives a custom scheme an opaque origin ("null"), so scheme and host are compared instead.
function parseAppUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** True when `url` is the app's own page (its #route or ?query may differ). */
export function isAppPage(url: string): boolean {
  return parseAppUrl(url)?.pathname === '/index.html';
}

/** The built renderer file a request names, or undefined when it names anything else. */
export function rendererFile(rendererDir: string, url: string): string | undefined {
  const parsed = parseAppUrl(url);
  if (!parsed) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  return file.startsWith(root + sep) ? file : undefined;
}

function answer(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...pageSecurityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The app:// handler: files of the built renderer only, each with the page's CSP. */
export function createAppFileHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Only GET is served here.');
    const file = rendererFile(rendererDir, request.url);
    if (!file) return answer(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return answer(404, 'Not found');
    }
    const headers = { ...pageSecurityHeaders, 'Content-Type': pageContentTypes[extname(file)] ?? 'application/octet-stream' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves the built renderer on app://; call once the app is ready. */
export function serveAppFiles(rendererDir: string): void {
  protocol.handle(appScheme, createAppFileHandler(rendererDir));
}
