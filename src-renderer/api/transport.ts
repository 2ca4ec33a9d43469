import type { MethodName } from '../../shared/api/contract.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { DispatchResult } from '../../shared/api/result.ts';

/**
 * How the renderer reaches the core: Electron IPC or the localhost HTTP bridge.
 * Like the core's dispatcher, `invoke` never rejects; failures come back as
 * `{ ok: false, error }`.
 */
export type Transport = {
  invoke: (method: MethodName, input: unknown) => Promise<DispatchResult>;
  onEvent: (listener: (event: CoreEvent) => void) => () => void;
};
