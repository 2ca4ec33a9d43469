import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreHandle } from '../../src-main/core/core-handle.ts';
import { startCoreWorker } from '../../src-main/core/worker-client.ts';
import { defaultBodyLimits } from '../../src-main/http/request-body.ts';
import { startHttpBridge, type HttpBridge } from '../../src-main/http/server.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { makeTempDataDir } from '../helpers/temp-data-dir.ts';

type Exchange = { answer: string; bytesSentBeforeAnswer: number; error: string | null };

describe('request bodies on the browser-mode bridge', () => {
  let data: ReturnType<typeof makeTempDataDir>;
  let core: CoreHandle;
  let bridge: HttpBridge;
  let inFlight = 0;

  beforeAll(async () => {
    data = makeTempDataDir();
    const worker = await startCoreWorker({ dataDir: data.dir });
    // Counts calls handed to the core, so a test can see none is left pending.
    core = {
      ...worker,
      dispatch: async (method, input) => {
        inFlight++;
        try {
          return await worker.dispatch(method, input);
        } finally {
          inFlight--;
        }
      },
    };
    bridge = await startHttpBridge({ core, rendererDir: data.dir });
  });
  afterAll(async () => {
    await bridge.close();
    await core.close();
    data.remove();
  });

  const head = (extra: string) =>
    `POST /api/contacts.create HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Type: application/json\r\n${extra}\r\n`;

  const call = (method: string, body: string) =>
    rawRequest({
      port: bridge.port,
      path: `/api/${method}`,
      method: 'POST',
      headers: { Host: `127.0.0.1:${bridge.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
      body,
    });

  /** Sends `head`, then `bodyChunks` as fast as the socket takes them, then half-closes; records what came back. */
  function exchange(headText: string, bodyChunks: Iterable<Buffer>): Promise<Exchange> {
    return new Promise((resolve) => {
      const socket = connect(bridge.port, '127.0.0.1');
      let answer = '';
      let sent = 0;
      let bytesSentBeforeAnswer = -1;
      let error: string | null = null;
      socket.on('data', (chunk: Buffer) => {
        if (bytesSentBeforeAnswer === -1) bytesSentBeforeAnswer = sent;
        answer += chunk.toString('latin1');
      });
      socket.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code ?? failure.message));
      socket.on('close', () => resolve({ answer, bytesSentBeforeAnswer, error }));
      socket.write(headText);
      const chunks = bodyChunks[Symbol.iterator]();
      const pump = () => {
        for (let next = chunks.next(); !next.done; next = chunks.next()) {
          sent += next.value.length;
          if (!socket.write(next.value)) return void socket.once('drain', pump);
        }
        socket.end();
      };
      pump();
    });
  }

  function* repeat(chunk: Buffer, times: number) {
    for (let index = 0; index < times; index++) yield chunk;
  }

  const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
  const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

  it('refuses JSON nested 5,000 deep in 10 KB with 400 VALIDATION, leaves no call pending, and keeps serving', async () => {
    const deep = `{"firstName":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const response = await call('contacts.create', deep);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ code: 'VALIDATION', message: expect.stringContaining('more than 32 levels deep') });
    expect(inFlight).toBe(0);
    // Brackets inside text are text, not nesting.
    const named = await call('contacts.create', JSON.stringify({ firstName: '['.repeat(100) }));
    expect(named.status).toBe(200);
    expect(JSON.parse(named.body)).toMatchObject({ firstName: '['.repeat(100) });
  });

  it('answers a 100 MB body with 413 before reading it, and the client receives it without a reset', async () => {
    const size = 100 * 1024 * 1024;
    const result = await exchange(head(`Content-Length: ${size}\r\n`), repeat(Buffer.alloc(64 * 1024, 0x20), size / (64 * 1024)));
    expect(result.error).toBeNull();
    expect(statusOf(result.answer)).toBe(413);
    expect(bodyOf(result.answer)).toEqual({ code: 'VALIDATION', message: expect.stringContaining('larger than 4 MB') });
    expect(result.bytesSentBeforeAnswer).toBeLessThan(size);
  });

  it('stops reading a chunked body once it grows past the limit and answers 413, received without a reset', async () => {
    const piece = Buffer.alloc(256 * 1024, 0x20);
    const chunked = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    const chunks = [...repeat(chunked, (2 * defaultBodyLimits.maxBytes) / piece.length), Buffer.from('0\r\n\r\n')];
    const result = await exchange(head('Transfer-Encoding: chunked\r\n'), chunks);
    expect(result.error).toBeNull();
    expect(statusOf(result.answer)).toBe(413);
    expect(bodyOf(result.answer)).toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses eight parallel 16 MB bodies with 413 each', async () => {
    const body = ' '.repeat(16 * 1024 * 1024);
    const responses = await Promise.all(Array.from({ length: 8 }, () => call('contacts.create', body)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(413));
  });

  it('answers 503 BUSY beyond the bodies it reads at once, then serves again once they are in', async () => {
    const cap = defaultBodyLimits.maxConcurrentReads;
    const body = JSON.stringify({ firstName: 'Held' });
    const held: Socket[] = [];
    const answers: Array<Promise<string>> = [];
    for (let index = 0; index < cap; index++) {
      const socket = connect(bridge.port, '127.0.0.1');
      held.push(socket);
      answers.push(
        new Promise((resolve) => {
          let answer = '';
          socket.on('data', (chunk: Buffer) => {
            answer += chunk.toString();
            if (answer.includes('\r\n\r\n{')) resolve(answer);
          });
        }),
      );
      socket.write(head(`Content-Length: ${body.length}\r\n`) + body.slice(0, 5));
    }
    // The server reads the held requests' headers in its own time: ask until it counts them all.
    let busy: Awaited<ReturnType<typeof call>> | undefined;
    for (let attempt = 0; attempt < 200 && busy === undefined; attempt++) {
      const response = await call('tags.list', '{}');
      if (response.status === 503) busy = response;
    }
    expect(busy?.status).toBe(503);
    expect(JSON.parse(busy!.body)).toEqual({ code: 'BUSY', message: expect.stringContaining('Try again') });

    for (const socket of held) socket.write(body.slice(5));
    expect((await Promise.all(answers)).map(statusOf)).toEqual(Array(cap).fill(200));
    for (const socket of held) socket.destroy();
    expect((await call('tags.list', '{}')).status).toBe(200);
  });

  it('frees the reading slot on every refusal and hang-up: far more of them than the cap leave the bridge serving', async () => {
    const rounds = defaultBodyLimits.maxConcurrentReads * 3;
    for (let round = 0; round < rounds; round++) {
      expect((await call('contacts.create', `{"a":${'['.repeat(40)}`)).status).toBe(400);
      expect((await call('contacts.create', '{oops')).status).toBe(400);
      const tooBig = Buffer.from(`${(defaultBodyLimits.maxBytes + 1).toString(16)}\r\n`);
      const chunked = await exchange(head('Transfer-Encoding: chunked\r\n'), [tooBig, Buffer.alloc(defaultBodyLimits.maxBytes + 1, 0x20), Buffer.from('\r\n0\r\n\r\n')]);
      expect(statusOf(chunked.answer)).toBe(413);
      await new Promise<void>((resolve) => {
        const socket = connect(bridge.port, '127.0.0.1', () => {
          socket.write(head('Content-Length: 1000\r\n') + '{"firstName":', () => socket.destroy());
        });
        socket.on('close', () => resolve());
      });
      expect((await call('tags.list', '{}')).status).toBe(200);
    }
    expect(inFlight).toBe(0);
  });
});
