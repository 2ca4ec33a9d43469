import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api/contract.ts';
import type { Contact, ContactSort, ContactSummary, TagCount } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { showToast } from '../../ui/toast.store.ts';

/** Rows are fetched by offset in pages this big, so any scroll position costs one or two calls. */
export const pageSize = 100;
export const minSearchLength = 2;
/** The Trash shows this many at first, and this many more per "Show more". */
export const trashPageSize = 200;
/** The most the core returns in one call. */
const maxLimit = 1000;
const searchDelayMs = 150;
const refreshDelayMs = 50;

type Page = { generation: number; rows: ContactSummary[] };

type ContactsState = {
  sort: ContactSort;
  tag: string | null;
  /** Null until the first page has answered. */
  total: number | null;
  /** Bumped whenever loaded pages may be out of date; answers for an older one are dropped. */
  generation: number;
  pages: Record<number, Page>;
  listError: string | null;
  tags: TagCount[];
  query: string;
  /** Null while the query is too short to search: the list shows instead. */
  results: ContactSummary[] | null;
  searchError: string | null;
  /** The Trash rows loaded so far, most recently deleted first; null until the first page answers. */
  trash: ContactSummary[] | null;
  /** How many contacts are in the Trash in all, loaded or not. */
  trashTotal: number | null;
  trashError: string | null;
  loadingMoreTrash: boolean;

  setSort: (sort: ContactSort) => void;
  setTag: (tag: string | null) => void;
  ensureRows: (first: number, last: number) => void;
  setQuery: (query: string) => void;
  loadTags: () => Promise<void>;
  /** Loads the Trash from the top: the first page, or as many rows as are shown already. */
  loadTrash: () => Promise<void>;
  /** Appends the next page of the Trash. */
  loadMoreTrash: () => Promise<void>;
  /** Reloads whatever is shown, after this or another window changed contacts. */
  refresh: () => void;
  seedSample: () => Promise<number>;
  getContact: (id: string) => Promise<Contact>;
  createContact: (fields: MethodInput<'contacts.create'>) => Promise<Contact>;
  updateContact: (input: MethodInput<'contacts.update'>) => Promise<Contact>;
  deleteContact: (id: string) => Promise<Contact>;
  restoreContact: (id: string) => Promise<Contact>;
};

export function rowAt(state: Pick<ContactsState, 'pages'>, index: number): ContactSummary | undefined {
  return state.pages[Math.floor(index / pageSize)]?.rows[index % pageSize];
}

const inFlight = new Set<string>();
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
/** Bumped by each full Trash load, so an older answer (or a page appended to it) is dropped. */
let trashSeq = 0;

/** Coalesces a burst of changes (a save plus its own change event) into one reload. */
function refreshSoon(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => useContactsStore.getState().refresh(), refreshDelayMs);
}

export const useContactsStore = create<ContactsState>()((set, get) => {
  async function loadPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const { sort, tag } = get();
    try {
      const result = await api.invoke('contacts.list', {
        sort,
        ...(tag === null ? {} : { tag }),
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

  async function runSearch(query: string): Promise<void> {
    const seq = ++searchSeq;
    try {
      const hits = await api.invoke('contacts.search', { query });
      if (seq === searchSeq) set({ results: hits, searchError: null });
    } catch (thrown) {
      if (seq === searchSeq) set({ searchError: apiErrorOf(thrown).message });
    }
  }

  function startOver(change: Partial<ContactsState>): void {
    set((state) => ({ ...change, pages: {}, generation: state.generation + 1 }));
  }

  return {
    sort: 'name',
    tag: null,
    total: null,
    generation: 0,
    pages: {},
    listError: null,
    tags: [],
    query: '',
    results: null,
    searchError: null,
    trash: null,
    trashTotal: null,
    trashError: null,
    loadingMoreTrash: false,

    setSort: (sort) => startOver({ sort }),
    setTag: (tag) => startOver({ tag, total: null }),

    ensureRows: (first, last) => {
      const { generation, pages } = get();
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
        if (pages[page]?.generation !== generation) void loadPage(page, generation);
      }
    },

    setQuery: (query) => {
      set({ query });
      clearTimeout(searchTimer);
      if (query.trim().length < minSearchLength) {
        searchSeq++;
        set({ results: null, searchError: null });
        return;
      }
      searchTimer = setTimeout(() => void runSearch(query), searchDelayMs);
    },

    loadTags: async () => {
      try {
        set({ tags: await api.invoke('tags.list', {}) });
      } catch {
        // The tag filter is a convenience; the list itself reports connection problems.
      }
    },

    loadTrash: async () => {
      const seq = ++trashSeq;
      // A reload keeps every row the user has paged to, not just the first page.
      const wanted = Math.max(trashPageSize, get().trash?.length ?? 0);
      try {
        const rows: ContactSummary[] = [];
        let total = 0;
        do {
          const page = await api.invoke('contacts.trash', { offset: rows.length, limit: Math.min(maxLimit, wanted - rows.length) });
          rows.push(...page.items);
          total = page.total;
          if (page.items.length === 0) break;
        } while (rows.length < Math.min(wanted, total));
        if (seq === trashSeq) set({ trash: rows, trashTotal: total, trashError: null });
      } catch (thrown) {
        if (seq === trashSeq) set({ trashError: apiErrorOf(thrown).message });
      }
    },

    loadMoreTrash: async () => {
      const { trash, loadingMoreTrash } = get();
      if (trash === null || loadingMoreTrash) return;
      const seq = trashSeq;
      set({ loadingMoreTrash: true });
      try {
        const page = await api.invoke('contacts.trash', { offset: trash.length, limit: trashPageSize });
        if (seq !== trashSeq) return;
        set((state) => {
          const shown = state.trash ?? [];
          const known = new Set(shown.map((row) => row.id));
          return { trash: [...shown, ...page.items.filter((row) => !known.has(row.id))], trashTotal: page.total, trashError: null };
        });
      } catch (thrown) {
        showToast({ message: apiErrorOf(thrown).message });
      } finally {
        set({ loadingMoreTrash: false });
      }
    },

    refresh: () => {
      // Old pages stay on screen until their replacements arrive, so the list does not flash.
      set((state) => ({ generation: state.generation + 1 }));
      const { query, trash } = get();
      if (query.trim().length >= minSearchLength) void runSearch(query);
      if (trash !== null) void get().loadTrash();
      void get().loadTags();
    },

    seedSample: async () => {
      const { created } = await api.invoke('contacts.seedSample', {});
      refreshSoon();
      return created;
    },

    getContact: (id) => api.invoke('contacts.get', { id }),

    createContact: async (fields) => {
      const contact = await api.invoke('contacts.create', fields);
      refreshSoon();
      return contact;
    },

    updateContact: async (input) => {
      const contact = await api.invoke('contacts.update', input);
      refreshSoon();
      return contact;
    },

    deleteContact: async (id) => {
      const contact = await api.invoke('contacts.delete', { id });
      refreshSoon();
      return contact;
    },

    restoreContact: async (id) => {
      const contact = await api.invoke('contacts.restore', { id });
      set((state) => {
        if (state.trash === null || !state.trash.some((row) => row.id === id)) return {};
        return {
          trash: state.trash.filter((row) => row.id !== id),
          trashTotal: state.trashTotal === null ? null : Math.max(0, state.trashTotal - 1),
        };
      });
      refreshSoon();
      return contact;
    },
  };
});

/** Keeps every view current when any window (this one included) changes contacts. */
export function followContactChanges(): () => void {
  return api.onEvent((event) => {
    if (event.name === 'contacts.changed') refreshSoon();
  });
}
