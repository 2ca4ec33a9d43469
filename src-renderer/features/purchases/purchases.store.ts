import { create } from 'zustand';
import type { Purchase } from '../../../shared/commerce/commerce.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { refetchForContact } from '../customer-value/refetch-for-contact.ts';

/** The newest few on the contact's page, so its figures and history stay in view… */
const firstPageSize = 5;
/** …and this many more with each Load more. */
export const purchasesPageSize = 20;

type PurchasesState = {
  /** Whose purchases are shown; null when no contact page is open. */
  contactId: string | null;
  items: Purchase[];
  nextCursor: string | null;
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  loadingMore: boolean;
  open: (contactId: string) => Promise<void>;
  close: () => void;
  loadMore: () => Promise<void>;
  /** Reloads as many purchases as are shown, e.g. after one was recorded. */
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** One contact's purchases, newest first, paged with Load more. */
export const usePurchases = create<PurchasesState>()((set, get) => {
  const load = async (contactId: string, limit: number) => {
    const stillLatest = loads.start();
    try {
      const page = await api.invoke('purchases.list', { contactId, limit });
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
      set({ ...usePurchases.getInitialState(), contactId, status: 'loading' });
      await load(contactId, firstPageSize);
    },
    close: () => {
      loads.drop();
      set(usePurchases.getInitialState());
    },
    loadMore: async () => {
      const { contactId, nextCursor, loadingMore } = get();
      if (contactId === null || nextCursor === null || loadingMore) return;
      const stillCurrent = loads.join();
      set({ loadingMore: true });
      try {
        const page = await api.invoke('purchases.list', { contactId, cursor: nextCursor, limit: purchasesPageSize });
        if (stillCurrent()) set((state) => ({ items: [...state.items, ...page.items], nextCursor: page.nextCursor, total: page.total, loadingMore: false }));
      } catch (thrown) {
        if (stillCurrent()) set({ error: apiErrorOf(thrown).message, loadingMore: false });
      }
    },
    refresh: async () => {
      const { contactId, items } = get();
      if (contactId === null) return;
      await load(contactId, Math.min(200, Math.max(firstPageSize, items.length)));
    },
  };
});

/** Reloads the list when this contact's purchases change in any window (or an import touches them). */
export function followPurchases(): () => void {
  return refetchForContact(['purchases.changed'], () => usePurchases.getState().contactId, () => void usePurchases.getState().refresh());
}
