import type { ApiError } from '../../shared/api/errors.ts';
import { isApiError } from '../../shared/api/errors.ts';
import { toCoreEvent } from './core-event.ts';
import { createEventStreamParser } from './event-stream.ts';
import type { ClientEvent, Transport } from './transport.ts';

export const accessKeyMessage =
  'This page’s access key is missing or out of date. Open the address that `ambassador serve` printed.';
const unreachableMessage = 'Ambassador is not reachable. Check that `ambassador serve` is still running, then try again.';

const firstRetryMs = 1_000;
const maxRetryMs = 30_000;

async function errorFrom(response: Response): Promise<ApiError> {
  if (response.status === 401 || response.status === 403) return { code: 'INTERNAL', message: accessKeyMessage };
  const body: unknown = await response.json().catch(() => null);
  return isApiError(body) ? body : { code: 'INTERNAL', message: `Ambassador answered with HTTP ${response.status}.` };
}

/** Browser mode: `POST /api/<method>` and a fetch-read event stream, both with the bearer token. */
export function httpTransport(origin: string, token: string | null): Transport {
  const headers = { Authorization: `Bearer ${token ?? ''}` };
  const listeners = new Set<(event: ClientEvent) => void>();
  let stop: AbortController | null = null;

  const emit = (event: ClientEvent) => {
    for (const listener of listeners) listener(event);
  };

  async function follow(signal: AbortSignal): Promise<void> {
    let retryMs = firstRetryMs;
    let connectedBefore = false;
    while (!signal.aborted) {
      try {
        const response = await fetch(`${origin}/api/events`, { headers, signal });
        if (response.status === 401 || response.status === 403) return;
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        // Whatever the core published while the stream was down was missed: say so, and stores refetch.
        if (connectedBefore) emit({ name: 'connection.resumed' });
        connectedBefore = true;
        retryMs = firstRetryMs;
        const parse = createEventStreamParser(({ name, data }) => {
          try {
            const event = toCoreEvent(name, JSON.parse(data));
            if (event) emit(event);
          } catch {
            // A malformed message is skipped; the stream itself is still good.
          }
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    }
  }

  return {
    invoke: async (method, input) => {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: unreachableMessage } };
      }
      if (response.status === 200) return { ok: true, value: await response.json() };
      return { ok: false, error: await errorFrom(response) };
    },
    onEvent: (listener) => {
      listeners.add(listener);
      if (!stop) {
        stop = new AbortController();
        void follow(stop.signal);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop?.abort();
          stop = null;
        }
      };
    },
  };
}
