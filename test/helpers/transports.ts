import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import { createCore } from '../../src-main/core/core.ts';
import { startCoreWorker } from '../../src-main/core/worker-client.ts';
import { startHttpBridge } from '../../src-main/http/server.ts';
import { makeTempDataDir } from './temp-data-dir.ts';

/** One way of reaching the core, as a test sees it. */
export type Transport = {
  call: (method: string, input: unknown) => Promise<DispatchResult>;
  /** Events received so far, in order. */
  events: CoreEvent[];
  close: () => Promise<void>;
};

export async function inProcessTransport(): Promise<Transport> {
  const data = makeTempDataDir();
  const core = await createCore({ dataDir: data.dir, checkOutputs: true });
  const events: CoreEvent[] = [];
  core.onEvent((event) => events.push(event));
  return {
    call: (method, input) => core.dispatch(method, input),
    events,
    close: async () => {
      await core.close();
      data.remove();
    },
  };
}

/** Reads `GET /api/events` the way the renderer does: fetch and a stream reader. */
async function followEvents(url: string, token: string, events: CoreEvent[], signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ name, payload: JSON.parse(data) } as CoreEvent);
        }
      }
    } catch {
      // aborted at close
    }
  })();
}

/** The real path of browser mode: a worker-thread core behind the HTTP bridge, called with fetch. */
export async function httpTransport(): Promise<Transport> {
  const data = makeTempDataDir();
  const core = await startCoreWorker({ dataDir: data.dir });
  const bridge = await startHttpBridge({ core, rendererDir: data.dir });
  const base = `http://127.0.0.1:${bridge.port}`;
  const events: CoreEvent[] = [];
  const stop = new AbortController();
  await followEvents(`${base}/api/events`, bridge.token, events, stop.signal);
  return {
    call: async (method, input) => {
      const response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = await response.json();
      return response.status === 200 ? { ok: true, value: body } : { ok: false, error: body };
    },
    events,
    close: async () => {
      stop.abort();
      await bridge.close();
      await core.close();
      data.remove();
    },
  };
}

export const transports = [
  ['in-process', inProcessTransport],
  ['HTTP bridge', httpTransport],
] as const;
