import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core.ts';
import { attachmentHeader, safeUploadName } from '../../src-main/http/file-transfer.ts';
import { serveBrowserMode } from '../../src-main/http/serve.ts';
import { startHttpBridge, type HttpBridge } from '../../src-main/http/server.ts';
import { rawRequest, type RawResponse } from '../helpers/raw-request.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

const uploadLimit = 64 * 1024;

/** Sends `chunks` one after another (chunked unless `headers` give a Content-Length); resolves with the answer or the error the client saw. */
function send(port: number, options: { method: string; path: string; headers: Record<string, string>; chunks?: Buffer[] }): Promise<RawResponse | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method, headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe('files between the page and the core on the browser-mode bridge', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let elsewhere: ReturnType<typeof makeTempDataDir>;
  let core: Core;
  let bridge: HttpBridge;
  let oldUpload: string;
  let freshUpload: string;

  beforeAll(async () => {
    data = makeTempDataDir();
    elsewhere = makeTempDataDir();
    // Left by earlier runs: one from two days ago, one from this morning.
    oldUpload = join(data.dir, 'incoming', 'upload-old');
    freshUpload = join(data.dir, 'incoming', 'upload-fresh');
    for (const folder of [oldUpload, freshUpload]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'contacts.csv'), 'Name\nAda\n');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(oldUpload, twoDaysAgo, twoDaysAgo);
    core = await createCore({ dataDir: data.dir, logError: () => {} });
    bridge = await startHttpBridge({ core, rendererDir: data.dir, dataDir: data.dir, maxUploadBytes: uploadLimit });
  });
  afterAll(async () => {
    await bridge.close();
    await core.close();
    data.remove();
    elsewhere.remove();
  });

  const auth = () => ({ Host: `127.0.0.1:${bridge.port}`, Authorization: `Bearer ${bridge.token}` });
  const upload = (name: string, chunks: Buffer[], headers: Record<string, string> = {}) =>
    send(bridge.port, { method: 'POST', path: `/api/files?name=${encodeURIComponent(name)}`, headers: { ...auth(), 'Content-Type': 'application/octet-stream', ...headers }, chunks });
  const download = (path: string, headers: Record<string, string> = auth()) =>
    rawRequest({ port: bridge.port, path: `/api/files?path=${encodeURIComponent(path)}`, headers });
  const incoming = () => readdirSync(join(data.dir, 'incoming')).sort();

  it('removes uploads older than a day when it starts, and keeps the fresh ones', () => {
    expect(existsSync(oldUpload)).toBe(false);
    expect(existsSync(freshUpload)).toBe(true);
  });

  it('keeps an upload in a private folder of its own inside the data folder and answers its path', async () => {
    const csv = 'First Name,Last Name,E-mail Address\r\nAda,Lovelace,ada@example.com\r\n';
    const answer = (await upload('Outlook contacts.csv', [Buffer.from(csv)])) as RawResponse;
    expect(answer.status).toBe(200);
    const { path } = JSON.parse(answer.body) as { path: string };
    expect(path).toMatch(new RegExp(`^${join(data.dir, 'incoming')}/upload-[^/]+/Outlook contacts\\.csv$`));
    expect(readFileSync(path, 'utf8')).toBe(csv);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // Two files of the same name never meet.
    const again = JSON.parse(((await upload('Outlook contacts.csv', [Buffer.from('other')])) as RawResponse).body) as { path: string };
    expect(again.path).not.toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(csv);
  });

  it('hands the uploaded file to the core, which previews it', async () => {
    const csv = 'First Name,Last Name,E-mail Address\r\nAda,Lovelace,ada@example.com\r\nGrace,Hopper,grace@example.com\r\n';
    const { path } = JSON.parse(((await upload('contacts.csv', [Buffer.from(csv)])) as RawResponse).body) as { path: string };
    const preview = await core.dispatch('transfer.previewImport', { file: path });
    expect(preview).toMatchObject({ ok: true, value: { file: path, format: 'csv', totalRecords: 2 } });
  });

  it('refuses a name that holds a folder or nothing, and keeps nothing', async () => {
    const before = incoming();
    for (const name of ['../../escaped.csv', '..', '.', 'folder/contacts.csv', 'folder\\contacts.csv', '', '  ', 'bad\u0000name.csv', 'line\nbreak.csv']) {
      const answer = (await upload(name, [Buffer.from('x')])) as RawResponse;
      expect([name, answer.status]).toEqual([name, 400]);
      expect(JSON.parse(answer.body)).toEqual({ code: 'VALIDATION', message: 'Say the file’s name, without any folder in it (?name=contacts.csv).' });
    }
    const noName = (await send(bridge.port, { method: 'POST', path: '/api/files', headers: auth(), chunks: [Buffer.from('x')] })) as RawResponse;
    expect(noName.status).toBe(400);
    expect(incoming()).toEqual(before);
    expect(existsSync(join(data.dir, 'escaped.csv'))).toBe(false);
  });

  it('keeps the base name the user knows, with characters Windows refuses replaced', () => {
    expect(safeUploadName('Export: "all" <2026>?.vcf')).toBe('Export_ _all_ _2026__.vcf');
    expect(safeUploadName('contacts.csv')).toBe('contacts.csv');
    expect(safeUploadName(`${'a'.repeat(300)}.csv`)).toHaveLength(200);
    expect(safeUploadName(`${'a'.repeat(300)}.csv`)!.endsWith('.csv')).toBe(true);
  });

  it('refuses a body larger than the limit, says so, and keeps no half file', async () => {
    const before = incoming();
    const declared = (await upload('big.csv', [Buffer.alloc(uploadLimit + 1, 'a')])) as RawResponse;
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ code: 'VALIDATION', message: 'The file is larger than 0.1 MB, the most Ambassador accepts. Choose a smaller file.' });

    // No Content-Length: counted as it arrives.
    const chunks = Array.from({ length: 8 }, () => Buffer.alloc(16 * 1024, 'b'));
    const streamed = (await upload('big.csv', chunks, { 'Transfer-Encoding': 'chunked' })) as RawResponse;
    expect(streamed.status).toBe(413);
    expect(incoming()).toEqual(before);

    const atTheLimit = (await upload('exact.csv', [Buffer.alloc(uploadLimit, 'c')], { 'Transfer-Encoding': 'chunked' })) as RawResponse;
    expect(atTheLimit.status).toBe(200);
  });

  it('hands out a file from the exports and backups folders as a download', async () => {
    mkdirSync(join(data.dir, 'exports'), { recursive: true });
    mkdirSync(join(data.dir, 'backups'), { recursive: true });
    const exported = join(data.dir, 'exports', 'Ambassador contacts – 2026.csv');
    const backup = join(data.dir, 'backups', 'Ambassador-2026-12-02-0930.ambassador');
    writeFileSync(exported, 'Name\r\nAda Lovelace\r\n');
    writeFileSync(backup, Buffer.alloc(300_000, 7));

    const answer = await download(exported);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('Name\r\nAda Lovelace\r\n');
    expect(answer.headers['content-type']).toBe('application/octet-stream');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="Ambassador contacts _ 2026.csv"; filename*=UTF-8''Ambassador%20contacts%20%E2%80%93%202026.csv`);
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength('Name\r\nAda Lovelace\r\n')));

    const backupAnswer = await download(backup);
    expect(backupAnswer.status).toBe(200);
    expect(backupAnswer.headers['content-length']).toBe('300000');
    expect(backupAnswer.body).toBe(Buffer.alloc(300_000, 7).toString('utf8'));
  });

  it('refuses any other file with a sentence: system files, the database itself, a way out through ..', async () => {
    const refused = { code: 'FORBIDDEN', message: 'Ambassador only hands out the backups and exports it wrote itself, and that file is not one of them.' };
    for (const path of ['/etc/passwd', join(data.dir, 'ambassador.sqlite'), join(data.dir, 'exports', '..', 'ambassador.sqlite'), join(data.dir, 'exports'), join(data.dir, 'exports-other', 'a.csv')]) {
      const answer = await download(path);
      expect([path, answer.status]).toEqual([path, 403]);
      expect(JSON.parse(answer.body)).toEqual(refused);
    }
    expect((await download('exports/a.csv')).status).toBe(400);
    expect((await download(join(data.dir, 'exports', 'gone.csv'))).status).toBe(404);
  });

  it('refuses a link inside the exports folder that points out of it', async () => {
    mkdirSync(join(data.dir, 'exports'), { recursive: true });
    const toPasswd = join(data.dir, 'exports', 'passwd.csv');
    const toDatabase = join(data.dir, 'backups', 'current.ambassador');
    mkdirSync(join(data.dir, 'backups'), { recursive: true });
    symlinkSync('/etc/passwd', toPasswd);
    symlinkSync(join(data.dir, 'ambassador.sqlite'), toDatabase);
    expect((await download(toPasswd)).status).toBe(403);
    expect((await download(toDatabase)).status).toBe(403);
  });

  it('hands out a file from the backups folder the user chose', async () => {
    const chosen = join(elsewhere.dir, 'USB stick');
    mkdirSync(chosen);
    expect(await core.dispatch('backup.setFolder', { folder: chosen })).toMatchObject({ ok: true, value: { folder: chosen } });
    const backup = join(chosen, 'Ambassador-2026-12-02-0930.ambassador');
    writeFileSync(backup, 'a backup');
    expect((await download(backup)).status).toBe(200);
    expect((await core.dispatch('backup.setFolder', { folder: null })).ok).toBe(true);
  });

  it('asks for the token and this server’s origin, like every other call', async () => {
    mkdirSync(join(data.dir, 'exports'), { recursive: true });
    const exported = join(data.dir, 'exports', 'guarded.csv');
    writeFileSync(exported, 'secret');
    const host = `127.0.0.1:${bridge.port}`;
    expect((await download(exported, { Host: host })).status).toBe(401);
    expect((await download(exported, { Host: host, Authorization: `Bearer ${'0'.repeat(32)}` })).status).toBe(401);
    expect((await download(exported, { ...auth(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await download(exported, { ...auth(), Host: 'evil.example' })).status).toBe(403);

    const before = incoming();
    const noToken = (await send(bridge.port, { method: 'POST', path: '/api/files?name=a.csv', headers: { Host: host }, chunks: [Buffer.from('x')] })) as RawResponse;
    expect(noToken.status).toBe(401);
    const foreign = (await upload('a.csv', [Buffer.from('x')], { Origin: 'http://evil.example' })) as RawResponse;
    expect(foreign.status).toBe(403);
    expect(incoming()).toEqual(before);
  });

  it('takes POST and GET only', async () => {
    const answer = await rawRequest({ port: bridge.port, path: '/api/files?name=a.csv', method: 'PUT', headers: auth(), body: 'x' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST');
  });

  it('names a download exactly, with a plain fallback for old clients', () => {
    expect(attachmentHeader('Ada "the first".csv')).toBe(`attachment; filename="Ada _the first_.csv"; filename*=UTF-8''Ada%20%22the%20first%22.csv`);
  });
});

describe('a bridge started without a data folder', () => {
  it('has no file endpoint: /api/files is not an action', async () => {
    const data = makeTempDataDir();
    const core = await createCore({ dataDir: data.dir, logError: () => {} });
    const bridge = await startHttpBridge({ core, rendererDir: data.dir });
    try {
      const answer = await rawRequest({ port: bridge.port, path: '/api/files?path=/etc/passwd', headers: { Host: `127.0.0.1:${bridge.port}`, Authorization: `Bearer ${bridge.token}` } });
      expect(answer.status).toBe(405);
      expect(answer.body).not.toContain('root:');
    } finally {
      await bridge.close();
      await core.close();
      data.remove();
    }
  });
});

describe('browser mode', () => {
  it('receives uploads into the data folder it serves', async () => {
    const data = makeTempDataDir();
    const serving = await serveBrowserMode({ dataDir: data.dir, port: 0, rendererDir: data.dir });
    try {
      const answer = (await send(serving.bridge.port, {
        method: 'POST',
        path: '/api/files?name=contacts.vcf',
        headers: { Host: `127.0.0.1:${serving.bridge.port}`, Authorization: `Bearer ${serving.bridge.token}` },
        chunks: [Buffer.from('BEGIN:VCARD\r\nEND:VCARD\r\n')],
      })) as RawResponse;
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.body) as { path: string }).path.startsWith(join(data.dir, 'incoming'))).toBe(true);
    } finally {
      await serving.stop();
      data.remove();
    }
  });
});
