import type { ApiError } from './errors.ts';
import type { MethodName, MethodOutput } from './contract.ts';

/** What `dispatch` resolves to; it never rejects. */
export type DispatchResult<M extends MethodName = MethodName> =
  | { ok: true; value: MethodOutput<M> }
  | { ok: false; error: ApiError };

/** The surface the preload exposes as `window.ambassador` in the desktop app. */
export type AmbassadorBridge = {
  invoke: (method: string, input: unknown) => Promise<DispatchResult>;
  onEvent: (listener: (event: { name: string; payload: unknown }) => void) => () => void;
};
