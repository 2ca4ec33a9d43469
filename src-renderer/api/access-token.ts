const storageKey = 'ambassador.token';

/**
 * Browser mode: `ambassador serve` opens `/#token=…`. The token is taken from the
 * fragment (browsers never send it to a server), kept for reloads of this tab
 * only, and wiped from the address bar so it does not linger in history or
 * screenshots.
 */
export function takeAccessToken(): string | null {
  current = readAccessToken();
  return current;
}

/** The token this page took, for requests outside the API client (file upload and download). */
export function currentAccessToken(): string | null {
  return current ?? takeAccessToken();
}

let current: string | null = null;

function readAccessToken(): string | null {
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

/**
 * A restarted `ambassador serve` keeps its port but prints a new token. Opening
 * its new address in a tab that is already on that origin changes only the
 * fragment, which does not reload the page: take the new token and reload, or
 * every call would still carry the old one and be refused.
 */
export function adoptNewAccessTokens(reload: () => void = () => location.reload()): () => void {
  const onHashChange = () => {
    const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
    if (!fromFragment) return;
    try {
      sessionStorage.setItem(storageKey, fromFragment);
    } catch {
      // Without storage the reload still finds the token in the address.
    }
    reload();
  };
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
