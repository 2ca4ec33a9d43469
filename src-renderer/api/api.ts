import type { AmbassadorBridge } from '../../shared/api/result.ts';
import { adoptNewAccessTokens, takeAccessToken } from './access-token.ts';
import { createApiClient } from './client.ts';
import { httpTransport } from './transport.http.ts';
import { ipcTransport } from './transport.ipc.ts';

declare global {
  interface Window {
    ambassador?: AmbassadorBridge;
  }
}

/** The one API client, its transport picked once: the desktop preload if present, else browser mode. */
export const api = createApiClient(
  window.ambassador ? ipcTransport(window.ambassador) : httpTransport(location.origin, takeAccessToken()),
);

if (!window.ambassador) adoptNewAccessTokens();
