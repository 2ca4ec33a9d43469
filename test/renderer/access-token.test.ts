// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptNewAccessTokens, takeAccessToken } from '../../src-renderer/api/access-token.ts';

describe('the browser-mode access token', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('is taken from a new address opened in the same tab, which then reloads with it', () => {
    history.replaceState(null, '', '/#token=old');
    expect(takeAccessToken()).toBe('old');
    const reload = vi.fn();
    stop = adoptNewAccessTokens(reload);

    location.hash = '#/contacts/1';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(reload).not.toHaveBeenCalled();

    location.hash = '#token=new';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(takeAccessToken()).toBe('new');
  });
});
