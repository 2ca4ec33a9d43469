const storageKey = 'ambassador.token';

/**
 * Browser mode: `ambassador serve` opens `/#token=…`. The token is taken from the
 * fragment (browsers never send it to a server), kept for reloads of this tab
 * only, and wiped from the address bar so it does not linger in history or
 * screenshots.
 */
export function takeAccessToken(): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment) {
    try {
      sessionStorage.setItem(storageKey, fromFragment);
    } catch {
      // Storage can be disabled; the token still works until the tab reloads.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromFragment;
  }
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
