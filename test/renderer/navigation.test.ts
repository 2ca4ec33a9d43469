// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseRoute, useNavigation } from '../../src-renderer/app/navigation.store.ts';

describe('routes from the address', () => {
  it('reads the screens it knows', () => {
    expect(parseRoute('#/trash')).toEqual({ screen: 'trash' });
    expect(parseRoute('#/contacts/new')).toEqual({ screen: 'new-contact' });
    expect(parseRoute('#/contacts/a%20b')).toEqual({ screen: 'contact', id: 'a b' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'contacts' });
  });

  it('falls back to the contact list for a malformed address instead of throwing', () => {
    expect(parseRoute('#/contacts/%E0')).toEqual({ screen: 'contacts' });
    expect(parseRoute('#/contacts/%')).toEqual({ screen: 'contacts' });
  });

  it('follows a malformed hash typed into the address bar', () => {
    location.hash = '#/contacts/%E0';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useNavigation.getState().route).toEqual({ screen: 'contacts' });
  });
});
