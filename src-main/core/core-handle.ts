import type { DispatchResult } from '../../shared/api/result.ts';
import type { CoreEvent } from '../../shared/api/events.ts';

/**
 * What a host (Electron main, the HTTP bridge, a test) holds: the core in-process
 * or in a worker thread looks the same from outside.
 */
export type CoreHandle = {
  /** Validates `input` against the contract and runs the method; never rejects. */
  dispatch(method: string, input: unknown): Promise<DispatchResult>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Closes the database cleanly; pending calls finish first. */
  close(): Promise<void>;
};
