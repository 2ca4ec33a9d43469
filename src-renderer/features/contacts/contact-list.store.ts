import { create } from 'zustand';
import type { ContactSort, ContactSummary, TagCount } from '../../../shared/contacts/contacts.schemas.ts';
import type { ClvTier } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

/** Rows are kept in pages this big; the rows on screen span one or two, fetched in one call. */
export const pageSize = 100;

type Page = { generation: number; rows: ContactSummary[] };

/** The rows on screen (with the grid's overscan), by index. */
type Range = { first: number; last: number };

type ContactListState = {
  sort: ContactSort;
  tag: string | null;
  /** Only customers on this rung of the loyalty ladder; null for any. */
  stage: LoyaltyStage | null;
  /** Only customers in this CLV tier; null for any. */
  tier: ClvTier | null;
  /** Null until the first window has answered. */
  total: number | null;
  /** Bumped whenever loaded pages may be out of date; answers for an older one are dropped. */
  generation: number;
  pages: Record<number, Page>;
  listError: string | null;
  /** The tags to filter by, with how many contacts carry each. */
  tags: TagCount[];
  /** True until the tags are asked for, and again once contacts changed. */
  tagsWanted: boolean;
  /** How far the list is scrolled, so coming back to it lands where the user left. */
  scrollOffset: number;
  /** What the grid shows now: the one window fetched next. */
  onScreen: Range;
  /**
   * The window request now with the core, if any. Only one at a time: while it
   * runs the user may scroll on, and its answer asks for what is on screen then.
   */
  fetching: number | null;
  /** The generation whose total was asked: the total is counted once per generation, not with every window. */
  totalAskedIn: number | null;

  setSort: (sort: ContactSort) => void;
  setTag: (tag: string | null) => void;
  setStage: (stage: LoyaltyStage | null) => void;
  setTier: (tier: ClvTier | null) => void;
  /** Back to every contact: no tag, stage or tier. */
  clearFilters: () => void;
  /** Says which rows are on screen; their missing pages are fetched now or once the request in flight answers. */
  ensureRows: (first: number, last: number) => void;
  /** Loads the tags if they are wanted (never loaded, or contacts changed since). */
  ensureTags: () => void;
  setScrollOffset: (offset: number) => void;
  /** Reloads the rows on screen, keeping the old rows shown until the new ones arrive, and wants the tags again. */
  refresh: () => void;
};

export function rowAt(state: Pick<ContactListState, 'pages'>, index: number): ContactSummary | undefined {
  return state.pages[Math.floor(index / pageSize)]?.rows[index % pageSize];
}

/** The pages on screen that this generation has not loaded, as one window (pages between loaded ones are refetched too). */
function missingWindow({ onScreen, pages, generation }: ContactListState): { offset: number; limit: number } | null {
  const missing: number[] = [];
  for (let page = Math.floor(onScreen.first / pageSize); page <= Math.floor(onScreen.last / pageSize); page++) {
    if (pages[page]?.generation !== generation) missing.push(page);
  }
  if (missing.length === 0) return null;
  const first = missing[0]!;
  return { offset: first * pageSize, limit: (missing.at(-1)! - first + 1) * pageSize };
}

let lastRequestId = 0;
const tagLoads = latestAnswer();

/** The whole contact list as a virtualized window: which pages are loaded, in which order and filter. */
export const useContactList = create<ContactListState>()((set, get) => {
  /** Fetches the window on screen, unless one is in flight already (its answer fetches the next). */
  async function fetchOnScreen(): Promise<void> {
    const state = get();
    const window = missingWindow(state);
    if (state.fetching !== null || window === null) return;
    const { sort, tag, stage, tier, generation } = state;
    const withTotal = state.totalAskedIn !== generation;
    const id = ++lastRequestId;
    set({ fetching: id, ...(withTotal ? { totalAskedIn: generation } : {}) });
    let answered: Partial<ContactListState>;
    let failed = false;
    try {
      const result = await api.invoke('contacts.list', {
        sort,
        ...(tag === null ? {} : { tag }),
        ...(stage === null ? {} : { stage }),
        ...(tier === null ? {} : { tier }),
        ...window,
        withTotal,
      });
      const pages = { ...get().pages };
      for (let start = 0; start < window.limit; start += pageSize) {
        pages[(window.offset + start) / pageSize] = { generation, rows: result.items.slice(start, start + pageSize) };
      }
      answered = { pages, listError: null, ...(result.total === null ? {} : { total: result.total }) };
    } catch (thrown) {
      failed = true;
      // The total may not have been counted: the next window asks again.
      answered = { listError: apiErrorOf(thrown).message, ...(withTotal ? { totalAskedIn: null } : {}) };
    }
    // A reset forgot this request; an answer for an older generation is out of date.
    if (get().fetching !== id) return;
    const current = get().generation === generation;
    set(current ? { ...answered, fetching: null } : { fetching: null });
    // After a failure the next scroll or "Try again" asks again, rather than a loop of retries.
    if (!(current && failed)) void fetchOnScreen();
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
    tagsWanted: true,
    scrollOffset: 0,
    onScreen: { first: 0, last: 0 },
    fetching: null,
    totalAskedIn: null,

    setSort: (sort) => startOver({ sort }),
    setTag: (tag) => startOver({ tag, total: null }),
    setStage: (stage) => startOver({ stage, total: null }),
    setTier: (tier) => startOver({ tier, total: null }),
    clearFilters: () => startOver({ tag: null, stage: null, tier: null, total: null }),

    ensureRows: (first, last) => {
      set({ onScreen: { first, last } });
      void fetchOnScreen();
    },

    ensureTags: () => {
      if (!get().tagsWanted) return;
      set({ tagsWanted: false });
      const stillLatest = tagLoads.start();
      api.invoke('tags.list', {}).then(
        (tags) => {
          if (stillLatest()) set({ tags });
        },
        () => {
          // The tag filter is a convenience; the list itself reports connection problems.
        },
      );
    },

    setScrollOffset: (scrollOffset) => set({ scrollOffset }),

    refresh: () => set((state) => ({ generation: state.generation + 1, tagsWanted: true })),
  };
});
