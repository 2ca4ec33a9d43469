import { create } from 'zustand';
import type { Interaction } from '../../../shared/history/history.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

export const timelinePageSize = 20;

type TimelineState = {
  /** Whose history is shown; null when no contact page is open. */
  contactId: string | null;
  items: Interaction[];
  nextCursor: string | null;
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  loadingMore: boolean;
  /** Shows `contactId`'s newest entries. */
  open: (contactId: string) => Promise<void>;
  close: () => void;
  showMore: () => Promise<void>;
  /** Reloads as many entries as are shown, e.g. after an entry was logged. */
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** One contact's history, newest first, paged with Show more. */
export const useTimeline = create<TimelineState>()((set, get) => {
  const load = async (contactId: string, limit: number) => {
    const stillLatest = loads.start();
    try {
      const page = await api.invoke('history.timeline', { contactId, limit });
      if (stillLatest()) set({ items: page.items, nextCursor: page.nextCursor, total: page.total, status: 'ready', error: null, loadingMore: false });
    } catch (thrown) {
      if (stillLatest()) set({ status: 'error', error: apiErrorOf(thrown).message, loadingMore: false });
    }
  };
  return {
    contactId: null,
    items: [],
    nextCursor: null,
    total: 0,
    status: 'idle',
    error: null,
    loadingMore: false,
    open: async (contactId) => {
      set({ contactId, items: [], nextCursor: null, total: 0, status: 'loading', error: null, loadingMore: false });
      await load(contactId, timelinePageSize);
    },
    close: () => {
      loads.drop();
      set(useTimeline.getInitialState());
    },
    showMore: async () => {
      const { contactId, nextCursor, loadingMore } = get();
      if (contactId === null || nextCursor === null || loadingMore) return;
      const stillCurrent = loads.join();
      set({ loadingMore: true });
      try {
        const page = await api.invoke('history.timeline', { contactId, cursor: nextCursor, limit: timelinePageSize });
        if (stillCurrent()) set((state) => ({ items: [...state.items, ...page.items], nextCursor: page.nextCursor, total: page.total, loadingMore: false }));
      } catch (thrown) {
        if (stillCurrent()) set({ error: apiErrorOf(thrown).message, loadingMore: false });
      }
    },
    refresh: async () => {
      const { contactId, items } = get();
      if (contactId === null) return;
      await load(contactId, Math.min(200, Math.max(timelinePageSize, items.length)));
    },
  };
});
