import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.ts';
import type { ApiError } from '../../shared/api/errors.ts';
import type { ClientEvent, Transport } from './transport.ts';

/** A failed call, carrying the core's `{ code, message, details }` for the UI to act on. */
export class ApiCallError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

export type ApiClient = {
  invoke: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  onEvent: (listener: (event: ClientEvent) => void) => () => void;
};

export function createApiClient(transport: Transport): ApiClient {
  return {
    invoke: async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as MethodOutput<M>;
    },
    onEvent: (listener) => transport.onEvent(listener),
  };
}

/** The ApiError behind any thrown value, so a bug in the page still reads as a message. */
export function apiErrorOf(thrown: unknown): ApiError {
  if (thrown instanceof ApiCallError) return thrown.error;
  return { code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : 'Something went wrong. Try again.' };
}
