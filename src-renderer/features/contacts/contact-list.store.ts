import { create } from 'zustand';
import type { ContactSort, ContactSummary, TagCount } from '../../../shared/contacts/contacts.schemas.ts';
import type { ClvTier } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';

/** Rows are fetched by offset in pages this big, so any scroll position costs one or two calls. */
export const pageSize = 100;

type Page = { generation: number; rows: ContactSummary[] };

type ContactListState = {
  sort: ContactSort;
  tag: string | null;
  /** Only customers on this rung of the loyalty ladder; null for any. */
  stage: LoyaltyStage | null;
  /** Only customers in this CLV tier; null for any. */
  tier: ClvTier | null;
  /** Null until the first page has answered. */
  total: number | null;
  /** Bumped whenever loaded pages may be out of date; answers for an older one are dropped. */
  generation: number;
  pages: Record<number, Page>;
  listError: string | null;
  /** The tags to filter by, with how many contacts carry each. */
  tags: TagCount[];
  /** How far the list is scrolled, so coming back to it lands where the user left. */
  scrollOffset: number;

  setSort: (sort: ContactSort) => void;
  setTag: (tag: string | null) => void;
  setStage: (stage: LoyaltyStage | null) => void;
  setTier: (tier: ClvTier | null) => void;
  /** Back to every contact: no tag, stage or tier. */
  clearFilters: () => void;
  ensureRows: (first: number, last: number) => void;
  loadTags: () => Promise<void>;
  setScrollOffset: (offset: number) => void;
  /** Reloads the rows on screen and the tags, keeping the old rows shown until the new ones arrive. */
  refresh: () => void;
};

export function rowAt(state: Pick<ContactListState, 'pages'>, index: number): ContactSummary | undefined {
  return state.pages[Math.floor(index / pageSize)]?.rows[index % pageSize];
}

const inFlight = new Set<string>();

/** The whole contact list as a virtualized window: which pages are loaded, in which order and filter. */
export const useContactList = create<ContactListState>()((set, get) => {
  async function loadPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const { sort, tag, stage, tier } = get();
    try {
      const result = await api.invoke('contacts.list', {
        sort,
        ...(tag === null ? {} : { tag }),
        ...(stage === null ? {} : { stage }),
        ...(tier === null ? {} : { tier }),
        offset: page * pageSize,
        limit: pageSize,
      });
      if (get().generation !== generation) return;
      set((state) => ({
        total: result.total,
        listError: null,
        pages: { ...state.pages, [page]: { generation, rows: result.items } },
      }));
    } catch (thrown) {
      if (get().generation === generation) set({ listError: apiErrorOf(thrown).message });
    } finally {
      inFlight.delete(key);
    }
  }

  function startOver(change: Partial<ContactListState>): void {
    set((state) => ({ ...change, pages: {}, scrollOffset: 0, generation: state.generation + 1 }));
  }

  return {
    sort: 'name',
    tag: null,
    stage: null,
    tier: null,
    total: null,
    generation: 0,
    pages: {},
    listError: null,
    tags: [],
    scrollOffset: 0,

    setSort: (sort) => startOver({ sort }),
    setTag: (tag) => startOver({ tag, total: null }),
    setStage: (stage) => startOver({ stage, total: null }),
    setTier: (tier) => startOver({ tier, total: null }),
    clearFilters: () => startOver({ tag: null, stage: null, tier: null, total: null }),

    ensureRows: (first, last) => {
      const { generation, pages } = get();
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
        if (pages[page]?.generation !== generation) void loadPage(page, generation);
      }
    },

    loadTags: async () => {
      try {
        set({ tags: await api.invoke('tags.list', {}) });
      } catch {
        // The tag filter is a convenience; the list itself reports connection problems.
      }
    },

    setScrollOffset: (scrollOffset) => set({ scrollOffset }),

    refresh: () => {
      set((state) => ({ generation: state.generation + 1 }));
      void get().loadTags();
    },
  };
});
