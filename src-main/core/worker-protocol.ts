import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';

/** Messages from the host to the core's worker thread. */
export type ToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };

/** Messages from the core's worker thread to its host. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: DispatchResult }
  | { type: 'event'; event: CoreEvent }
  | { type: 'closed' };

export type WorkerStart = {
  dataDir: string;
  /** Daily backups and one at quit (CoreOptions.automaticBackups): the desktop app and `ambassador serve` turn it on. */
  automaticBackups?: boolean;
};
