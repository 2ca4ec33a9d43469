import type { WebContents } from 'electron';
import type * as ipcModule from '../../src-main/electron/ipc.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import { createCore } from '../../src-main/core/core.ts';
import { startCoreWorker } from '../../src-main/core/worker-client.ts';
import { startHttpBridge } from '../../src-main/http/server.ts';
import { createEventStreamParser } from '../../src-renderer/api/event-stream.ts';
import { registeredHandlers } from './electron-stand-in.ts';
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

/** Reads `GET /api/events` the way the renderer does: fetch, a stream reader and the renderer's own parser. */
async function followEvents(url: string, token: string, events: CoreEvent[], signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  // Kept as sent, not filtered through the renderer's schema check: a test
  // should see an event the contract does not describe, not lose it.
  const parse = createEventStreamParser(({ name, data }) => events.push({ name, payload: JSON.parse(data) } as CoreEvent));
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parse(value);
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

const standInMissing =
  "The Electron IPC transport needs the stand-in electron module: add vi.mock('electron', () => import('../helpers/electron-stand-in.ts')) to the test file.";

/**
 * The desktop app's path without Electron's runtime: a worker-thread core behind
 * the real `api:invoke` handler, registered on the stand-in electron module and
 * called as our window's top frame would call it. Input, answers and events are
 * structured-cloned, as Electron's IPC does. The test file must mock electron
 * (see electron-stand-in.ts).
 */
export async function electronIpcTransport(): Promise<Transport> {
  let ipc: typeof ipcModule;
  let pageUrl: string;
  try {
    ipc = await import('../../src-main/electron/ipc.ts');
    ({ pageUrl } = await import('../../src-main/electron/protocol.ts'));
  } catch (error) {
    throw new Error(standInMissing, { cause: error });
  }
  const data = makeTempDataDir();
  const core = await startCoreWorker({ dataDir: data.dir });
  const ownWindow = { id: 1 } as unknown as WebContents;
  const dispose = ipc.registerIpc({ core, isOwnWindow: (contents) => contents === ownWindow });
  const handler = registeredHandlers.get(ipc.invokeChannel);
  if (!handler) throw new Error(standInMissing);
  const sender = { senderFrame: { url: pageUrl, parent: null }, sender: ownWindow };
  const events: CoreEvent[] = [];
  // main.ts sends each core event to every window on 'api:event'.
  core.onEvent((event) => events.push(structuredClone(event)));
  return {
    call: async (method, input) => structuredClone((await handler(sender, method, structuredClone(input))) as DispatchResult),
    events,
    close: async () => {
      dispose();
      await core.close();
      data.remove();
    },
  };
}

export type NamedTransport = { name: string; open: () => Promise<Transport> };

/** Every way the renderer reaches the core; the parity cases run through each. */
export const transports: NamedTransport[] = [
  { name: 'in-process', open: inProcessTransport },
  { name: 'HTTP bridge', open: httpTransport },
  { name: 'Electron IPC handler (stand-in electron module)', open: electronIpcTransport },
];
