import type { AmbassadorBridge } from '../../shared/api/result.ts';
import { toCoreEvent } from './core-event.ts';
import type { Transport } from './transport.ts';

/** The desktop app: the preload's `window.ambassador`. */
export function ipcTransport(bridge: AmbassadorBridge): Transport {
  return {
    invoke: async (method, input) => {
      try {
        return await bridge.invoke(method, input);
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Ambassador’s data service stopped responding. Restart the app.' } };
      }
    },
    onEvent: (listener) =>
      bridge.onEvent(({ name, payload }) => {
        const event = toCoreEvent(name, payload);
        if (event) listener(event);
      }),
  };
}
