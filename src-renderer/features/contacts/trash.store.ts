import { create } from 'zustand';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { showToast } from '../../ui/toast.store.ts';

/** The Trash shows this many at first, and this many more per "Show more". */
export const trashPageSize = 200;
/** The most the core returns in one call. */
const maxLimit = 1000;

type TrashState = {
  /** The Trash rows loaded so far, most recently deleted first; null until the first page answers. */
  rows: ContactSummary[] | null;
  /** How many contacts are in the Trash in all, loaded or not. */
  total: number | null;
  error: string | null;
  loadingMore: boolean;
  /** Loads the Trash from the top: the first page, or as many rows as are shown already. */
  load: () => Promise<void>;
  /** Appends the next page of the Trash. */
  loadMore: () => Promise<void>;
  /** Takes a restored contact off the Trash at once, before the reload confirms it. */
  remove: (id: string) => void;
  /** Reloads the Trash if it has been shown, after contacts changed. */
  refresh: () => void;
};

/** Each full load starts a request; a page appended to it is dropped with it. */
const loads = latestAnswer();

/** Deleted contacts, a page at a time. */
export const useTrash = create<TrashState>()((set, get) => ({
  rows: null,
  total: null,
  error: null,
  loadingMore: false,

  load: async () => {
    const stillLatest = loads.start();
    // A reload keeps every row the user has paged to, not just the first page.
    const wanted = Math.max(trashPageSize, get().rows?.length ?? 0);
    try {
      const rows: ContactSummary[] = [];
      let total = 0;
      do {
        const page = await api.invoke('contacts.trash', { offset: rows.length, limit: Math.min(maxLimit, wanted - rows.length) });
        rows.push(...page.items);
        total = page.total;
        if (page.items.length === 0) break;
      } while (rows.length < Math.min(wanted, total));
      if (stillLatest()) set({ rows, total, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },

  loadMore: async () => {
    const { rows, loadingMore } = get();
    if (rows === null || loadingMore) return;
    const stillLatest = loads.join();
    set({ loadingMore: true });
    try {
      const page = await api.invoke('contacts.trash', { offset: rows.length, limit: trashPageSize });
      if (!stillLatest()) return;
      set((state) => {
        const shown = state.rows ?? [];
        const known = new Set(shown.map((row) => row.id));
        return { rows: [...shown, ...page.items.filter((row) => !known.has(row.id))], total: page.total, error: null };
      });
    } catch (thrown) {
      showToast({ message: apiErrorOf(thrown).message });
    } finally {
      set({ loadingMore: false });
    }
  },

  remove: (id) =>
    set((state) => {
      if (state.rows === null || !state.rows.some((row) => row.id === id)) return {};
      return {
        rows: state.rows.filter((row) => row.id !== id),
        total: state.total === null ? null : Math.max(0, state.total - 1),
      };
    }),

  refresh: () => {
    if (get().rows !== null) void get().load();
  },
}));
