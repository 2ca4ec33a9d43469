// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeAccessToken } from '../../src-renderer/api/access-token.ts';
import { accessKeyMessage, httpTransport } from '../../src-renderer/api/transport.http.ts';
import type { ClientEvent } from '../../src-renderer/api/transport.ts';

const origin = 'http://127.0.0.1:4321';

function streamOf(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('browser mode access token', () => {
  it('takes the token from the fragment, clears the address bar and survives a reload', () => {
    history.replaceState(null, '', '/#token=s3cret');
    expect(takeAccessToken()).toBe('s3cret');
    expect(location.hash).toBe('');
    expect(takeAccessToken()).toBe('s3cret');
  });
});

describe('httpTransport', () => {
  it('posts the input as JSON with the bearer token', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ created: 50 }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const result = await httpTransport(origin, 'tok').invoke('contacts.seedSample', {});

    expect(result).toEqual({ ok: true, value: { created: 50 } });
    expect(fetchMock).toHaveBeenCalledWith(`${origin}/api/contacts.seedSample`, {
      method: 'POST',
      headers: { Authorization: 'Bearer tok', 'Content-Type': 'application/json' },
      body: '{}',
    });
  });

  it('passes the core’s error through and explains a refused token', async () => {
    const conflict = { code: 'CONFLICT', message: 'Changed elsewhere.' };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(conflict), { status: 409 })));
    expect(await httpTransport(origin, 'tok').invoke('contacts.get', { id: 'x' })).toEqual({ ok: false, error: conflict });

    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"code":"UNAUTHORIZED","message":"no"}', { status: 401 })));
    expect(await httpTransport(origin, 'stale').invoke('tags.list', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: accessKeyMessage },
    });
  });

  it('reads events with fetch, across chunk boundaries, and reconnects after a drop', async () => {
    const streams = [
      streamOf([': connected\n\nevent: contacts.ch', 'anged\ndata: {"ids":["a"],"reason":"created"}\n', '\n']),
      streamOf(['event: contacts.changed\ndata: {"ids":["b"],"reason":"deleted"}\n\n']),
    ];
    const fetchMock = vi.fn(async () => streams.shift() ?? new Promise<Response>(() => {}));
    vi.stubGlobal('fetch', fetchMock);
    const events: ClientEvent[] = [];
    const unsubscribe = httpTransport(origin, 'tok').onEvent((event) => events.push(event));

    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toEqual({ name: 'contacts.changed', payload: { ids: ['a'], reason: 'created' } });
    expect(fetchMock).toHaveBeenCalledWith(`${origin}/api/events`, expect.objectContaining({ headers: { Authorization: 'Bearer tok' } }));

    await vi.waitFor(() => expect(events).toHaveLength(3), { timeout: 3_000 });
    // After a reconnect, one generic signal first (events sent while the stream was down are lost), naming no domain.
    expect(events[1]).toEqual({ name: 'connection.resumed' });
    expect(events[2]).toEqual({ name: 'contacts.changed', payload: { ids: ['b'], reason: 'deleted' } });
    unsubscribe();
  });
});
