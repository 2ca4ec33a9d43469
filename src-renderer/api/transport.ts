import type { MethodName } from '../../shared/api/contract.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';

/**
 * The transport's own news, not the core's: the event stream came back after a drop.
 * Whatever the core published meanwhile was missed, so every store holding core data
 * refetches. IPC never drops, so only the HTTP transport sends it.
 */
export type ConnectionResumed = { name: 'connection.resumed' };

/** What an `onEvent` listener hears: the core's events, plus the transport's resume signal. */
export type ClientEvent = CoreEvent | ConnectionResumed;

/**
 * How the renderer reaches the core: Electron IPC or the localhost HTTP bridge.
 * Like the core's dispatcher, `invoke` never rejects; failures come back as
 * `{ ok: false, error }`.
 */
export type Transport = {
  invoke: (method: MethodName, input: unknown) => Promise<DispatchResult>;
  onEvent: (listener: (event: ClientEvent) => void) => () => void;
};
