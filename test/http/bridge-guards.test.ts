import Sqlite from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core.ts';
import { startHttpBridge, type HttpBridge } from '../../src-main/http/server.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

describe('the HTTP bridge’s guards', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let core: Core;
  let bridge: HttpBridge;
  let host: string;

  beforeAll(async () => {
    data = makeTempDataDir();
    const rendererDir = join(data.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ambassador</title>');
    core = await createCore({ dataDir: data.dir, logError: () => {} });
    bridge = await startHttpBridge({ core, rendererDir });
    host = `127.0.0.1:${bridge.port}`;
  });
  afterAll(async () => {
    await bridge.close();
    await core.close();
    data.remove();
  });

  const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    rawRequest({
      port: bridge.port,
      path: `/api/${method}`,
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, ...headers },
      body: JSON.stringify(body),
    });

  it('prints an address with a 128-bit token in its fragment', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/#token=[0-9a-f]{32}$`));
  });

  it('answers a call with the token: 200 and the output', async () => {
    const response = await call('tags.list', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual([]);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a call without a token, or with a wrong one: 401', async () => {
    const withoutToken = await rawRequest({ port: bridge.port, path: '/api/tags.list', method: 'POST', headers: { Host: host, 'Content-Type': 'application/json' }, body: '{}' });
    expect(withoutToken.status).toBe(401);
    const wrong = await call('tags.list', {}, { Authorization: `Bearer ${'0'.repeat(32)}` });
    expect(wrong.status).toBe(401);
    const events = await rawRequest({ port: bridge.port, path: '/api/events', headers: { Host: host } });
    expect(events.status).toBe(401);
  });

  it('refuses a foreign Host, even with the token: 403', async () => {
    expect((await call('tags.list', {}, { Host: 'evil.example' })).status).toBe(403);
    expect((await call('tags.list', {}, { Host: `evil.example:${bridge.port}` })).status).toBe(403);
    expect((await rawRequest({ port: bridge.port, path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await call('tags.list', {}, { Host: `localhost:${bridge.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin: 403; its own origin is fine', async () => {
    expect((await call('tags.list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('tags.list', {}, { Origin: `http://localhost:${bridge.port + 1}` })).status).toBe(403);
    expect((await call('tags.list', {}, { Origin: `http://${host}` })).status).toBe(200);
  });

  it('sends no CORS headers, even to a preflight', async () => {
    const preflight = await rawRequest({
      port: bridge.port,
      path: '/api/tags.list',
      method: 'OPTIONS',
      headers: { Host: host, Origin: `http://${host}`, 'Access-Control-Request-Method': 'POST' },
    });
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('maps error codes to 400, 404, 409 and 500', async () => {
    expect((await call('contacts.create', { firstName: '' })).status).toBe(400);
    expect((await call('contacts.get', { id: '01890a5d-ac96-774b-bcce-b302099a8057' })).status).toBe(404);
    expect((await call('no.such.method', {})).status).toBe(404);
    const created = JSON.parse((await call('contacts.create', { firstName: 'Ada' })).body);
    await call('contacts.update', { id: created.id, expectedUpdatedAt: created.updatedAt, fields: { firstName: 'Ada B' } });
    const stale = await call('contacts.update', { id: created.id, expectedUpdatedAt: created.updatedAt, fields: { firstName: 'Ada C' } });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body)).toMatchObject({ code: 'CONFLICT' });
    const badJson = await rawRequest({ port: bridge.port, path: '/api/tags.list', method: 'POST', headers: { Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` }, body: '{oops' });
    expect(badJson.status).toBe(400);

    const raw = new Sqlite(core.databaseFile);
    raw.exec('drop table tag_counts');
    raw.close();
    const broken = await call('tags.list', {});
    expect(broken.status).toBe(500);
    expect(JSON.parse(broken.body)).toEqual({ code: 'INTERNAL', message: expect.not.stringMatching(/SqliteError|\.ts:/) });
  });

  it('refuses a malformed or absolute request target with 400 and keeps serving', async () => {
    for (const path of ['http://[', 'http://127.0.0.1/api/tags.list', '*']) {
      expect((await rawRequest({ port: bridge.port, path, headers: { Host: host } })).status).toBe(400);
    }
    expect((await rawRequest({ port: bridge.port, path: '/', headers: { Host: host } })).status).toBe(200);
  });

  it('serves the page with a strict content security policy', async () => {
    const page = await rawRequest({ port: bridge.port, path: '/', headers: { Host: host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Ambassador</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await rawRequest({ port: bridge.port, path: '/../../etc/passwd', headers: { Host: host } });
    expect(escape.status).toBe(404);
  });

  it('listens on 127.0.0.1 only: nothing answers on other interfaces', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === 'IPv4' && address.address !== '127.0.0.1')
      .map((address) => address!.address);
    for (const address of ['127.0.0.2', ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: bridge.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, `connection to ${address}`).toBe('ECONNREFUSED');
    }
  });
});
