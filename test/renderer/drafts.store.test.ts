// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { draftFromContact, type Draft } from '../../src-renderer/features/contacts/contact-draft.ts';
import { fullContact } from './fake-bridge.ts';

beforeEach(() => {
  sessionStorage.clear();
});

/** The store as a freshly loaded window would create it. */
async function loadStore() {
  vi.resetModules();
  return (await import('../../src-renderer/features/contacts/drafts.store.ts')).useDrafts;
}

describe('the drafts store', () => {
  it('survives a reload of the window through sessionStorage', async () => {
    const before = await loadStore();
    const draft = { ...draftFromContact(fullContact()), notes: 'Typed before the reload.' };
    before.getState().keep('new', { draft, expectedUpdatedAt: null, name: 'the new contact' });

    const after = await loadStore();
    expect(after).not.toBe(before);
    expect(after.getState().drafts['new']?.draft.notes).toBe('Typed before the reload.');

    after.getState().discard('new');
    expect((await loadStore()).getState().drafts).toEqual({});
  });

  it('keeps a draft kept before companies could be linked, as not linked', async () => {
    const oldDraft: Partial<Draft> = { ...draftFromContact(fullContact()), notes: 'Typed last version.' };
    delete oldDraft.companyId;
    const kept = { draft: oldDraft, expectedUpdatedAt: null, name: 'Ada Lovelace' };
    sessionStorage.setItem('ambassador.drafts', JSON.stringify({ state: { drafts: { [fullContact().id]: kept } }, version: 1 }));

    const draft = (await loadStore()).getState().drafts[fullContact().id]?.draft;
    expect(draft).toEqual({ ...oldDraft, companyId: null });
  });

  it('starts empty when sessionStorage holds something unreadable', async () => {
    sessionStorage.setItem('ambassador.drafts', '{not json');
    expect((await loadStore()).getState().drafts).toEqual({});
  });
});
