import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy.ts';
import { createCore, type Core } from '../../src-main/core/core.ts';
import { startHttpBridge, type HttpBridge } from '../../src-main/http/server.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

// The desktop app's app:// protocol runs against a stand-in electron module (the
// real runtime cannot be downloaded here); browser mode is the real HTTP bridge.
const fake = vi.hoisted(() => ({ handlers: new Map<string, (request: Request) => Promise<Response>>() }));
vi.mock('electron', () => ({
  protocol: { handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.handlers.set(scheme, handler) },
}));
const { pageUrl, serveAppFiles } = await import('../../src-main/electron/protocol.ts');

const root = join(import.meta.dirname, '..', '..');

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe('the one Content-Security-Policy', () => {
  const data = makeTempDataDir('ambassador-csp-');
  let core: Core;
  let bridge: HttpBridge;

  beforeAll(async () => {
    const rendererDir = join(data.dir, 'dist-renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ambassador</title>');
    core = await createCore({ dataDir: data.dir, logError: () => {} });
    bridge = await startHttpBridge({ core, rendererDir });
    serveAppFiles(rendererDir);
  });
  afterAll(async () => {
    await bridge.close();
    await core.close();
    data.remove();
  });

  it('is sent exactly, on the page and on a miss, by the desktop app’s app:// protocol (stand-in electron)', async () => {
    for (const url of [pageUrl, 'app://ambassador/missing.js']) {
      const response = await fake.handlers.get('app')!(new Request(url));
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy);
    }
  });

  it('is sent exactly, on the page and on a miss, by browser mode’s HTTP bridge', async () => {
    const host = `127.0.0.1:${bridge.port}`;
    for (const path of ['/', '/index.html', '/missing.js']) {
      const response = await rawRequest({ port: bridge.port, path, headers: { Host: host } });
      expect(response.headers['content-security-policy'], path).toBe(contentSecurityPolicy);
    }
  });

  it('refuses everything the page does not need, and allows no eval or inline code', () => {
    const policy = directives(contentSecurityPolicy);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) {
      expect(policy.get(name), name).toBe("'none'");
    }
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|data:|blob:|http:|https:/);
  });

  it('is written once: no other source file has a policy of its own, nor the page a meta tag', () => {
    const copies = ['src-main', 'src-renderer', 'shared']
      .flatMap(sourceFiles)
      .filter((file) => /default-src|http-equiv=["']?content-security-policy/i.test(readFileSync(join(root, file), 'utf8')));
    expect(copies).toEqual(['shared/security/content-security-policy.ts']);
  });
});
