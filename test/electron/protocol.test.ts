import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// A stand-in for the electron module's protocol: it records the scheme's
// privileges and the handler, which the tests call with real Requests on real
// files, the way Electron calls it for each app:// request.
const fake = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.handlers.set(scheme, handler),
  },
}));

const { isAppPage, pageUrl, registerAppScheme, serveAppFiles } = await import('../../src-main/electron/protocol.ts');

describe('the app:// protocol, against a stand-in electron module', () => {
  const temp = makeTempDataDir('ambassador-protocol-');
  let rendererDir: string;
  const get = (url: string, method = 'GET') => fake.handlers.get('app')!(new Request(url, { method }));

  beforeAll(() => {
    rendererDir = join(temp.dir, 'dist-renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ambassador</title>');
    writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
    // Files beside the renderer folder that must never be served.
    writeFileSync(join(temp.dir, 'ambassador.sqlite'), 'SECRET');
    mkdirSync(join(temp.dir, 'dist-renderer-private'));
    writeFileSync(join(temp.dir, 'dist-renderer-private', 'x.txt'), 'SECRET');
    serveAppFiles(rendererDir);
  });
  afterAll(() => temp.remove());

  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('serves the page and its assets with their types and the page’s CSP', async () => {
    const page = await get(pageUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Ambassador</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await get('app://ambassador/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const style = await get('app://ambassador/assets/index-abc.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const root = await get('app://ambassador/');
    expect(await root.text()).toContain('<title>Ambassador</title>');
  });

  it('serves nothing outside the built renderer folder, however the path is written', async () => {
    const escapes = [
      'app://ambassador/../ambassador.sqlite',
      'app://ambassador/%2e%2e/ambassador.sqlite',
      'app://ambassador/..%2fambassador.sqlite',
      'app://ambassador/..%2Fambassador.sqlite',
      'app://ambassador/assets/..%2f..%2fambassador.sqlite',
      'app://ambassador/..%5cambassador.sqlite',
      'app://ambassador/%2e%2e%5cambassador.sqlite',
      'app://ambassador/..%2fdist-renderer-private%2fx.txt',
      `app://ambassador/${encodeURIComponent(join(temp.dir, 'ambassador.sqlite'))}`,
      'app://ambassador/index.html%00.js',
      'app://ambassador/%E0%A4%A',
      'app://ambassador/assets',
      'app://ambassador/missing.js',
      'app://other/index.html',
    ];
    for (const url of escapes) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('SECRET');
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy);
    }
  });

  it('answers only GET and HEAD', async () => {
    const post = await get(pageUrl, 'POST');
    expect(post.status).toBe(405);
    const head = await get(pageUrl, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('knows its own page, whatever its route, and nothing else', () => {
    expect(isAppPage(pageUrl)).toBe(true);
    expect(isAppPage(`${pageUrl}#/contacts/c1`)).toBe(true);
    for (const url of ['app://ambassador/assets/x.js', 'app://evil/index.html', 'file:///opt/Ambassador/resources/app.asar/dist-renderer/index.html', 'https://ambassador/index.html', '']) {
      expect(isAppPage(url), url).toBe(false);
    }
  });
});
