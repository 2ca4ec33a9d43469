import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useNavigation, type Route } from '../../app/navigation.store.ts';
import { showToast } from '../../ui/toast.store.ts';
import type { Draft } from './contact-draft.ts';

/** A contact's id, or `new` for the new-contact form. */
export type DraftKey = string;

/** What the user typed and has not saved yet, with what it was typed over. */
export type KeptDraft = {
  draft: Draft;
  /** The `updatedAt` the edit started from, sent as `expectedUpdatedAt` so a save over a newer version conflicts. */
  expectedUpdatedAt: string | null;
  /** Who the draft is about, for "Your unsaved changes to … are kept". */
  name: string;
};

type DraftsState = {
  drafts: Record<DraftKey, KeptDraft>;
  keep: (key: DraftKey, kept: KeptDraft) => void;
  discard: (key: DraftKey) => void;
};

export const newContactKey: DraftKey = 'new';

/**
 * Unsaved edits, so no key or click that leaves a form loses them. Mirrored to
 * sessionStorage, so a reload of the window keeps them too.
 */
export const useDrafts = create<DraftsState>()(
  persist(
    (set) => ({
      drafts: {},
      keep: (key, kept) => set((state) => ({ drafts: { ...state.drafts, [key]: kept } })),
      discard: (key) =>
        set((state) => {
          if (!(key in state.drafts)) return state;
          const rest = { ...state.drafts };
          delete rest[key];
          return { drafts: rest };
        }),
    }),
    {
      name: 'ambassador.drafts',
      version: 2,
      // Version 1 drafts predate the company link: they were never linked.
      migrate: (persisted, version) => {
        const { drafts = {} } = (persisted ?? {}) as { drafts?: Record<DraftKey, KeptDraft> };
        if (version >= 2) return { drafts };
        const linked = Object.entries(drafts).map(([key, kept]) => [key, { ...kept, draft: { ...kept.draft, companyId: null } }]);
        return { drafts: Object.fromEntries(linked) as Record<DraftKey, KeptDraft> };
      },
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);

function draftKeyOf(route: Route): DraftKey | null {
  if (route.screen === 'contact') return route.id;
  if (route.screen === 'new-contact') return newContactKey;
  return null;
}

/** Tells the user, on leaving a form with unsaved edits by any route (Esc, shortcut, link, Back), that they are kept. */
export function announceKeptDrafts(): () => void {
  return useNavigation.subscribe((state, previous) => {
    const left = draftKeyOf(previous.route);
    if (left === null || left === draftKeyOf(state.route)) return;
    const kept = useDrafts.getState().drafts[left];
    if (kept) showToast({ message: `Your unsaved changes to ${kept.name} are kept` });
  });
}
