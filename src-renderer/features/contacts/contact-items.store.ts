import { create } from 'zustand';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

export type ContactItemsState<Item> = {
  contactId: string | null;
  items: Item[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open: (contactId: string) => Promise<void>;
  close: () => void;
  refresh: () => Promise<void>;
};

/**
 * A store of one contact's items on its page (open follow-ups, running plans):
 * opened with the contact, refreshed by its feature's events, the newest answer
 * winning, emptied when the page closes.
 */
export function createContactItems<Item>(fetch: (contactId: string) => Promise<Item[]>, order: (a: Item, b: Item) => number) {
  const loads = latestAnswer();
  const useItems = create<ContactItemsState<Item>>()((set, get) => {
    const load = async (contactId: string) => {
      const stillLatest = loads.start();
      try {
        const items = await fetch(contactId);
        if (stillLatest()) set({ items: [...items].sort(order), status: 'ready', error: null });
      } catch (thrown) {
        if (stillLatest()) set({ status: 'error', error: apiErrorOf(thrown).message });
      }
    };
    return {
      contactId: null,
      items: [],
      status: 'idle',
      error: null,
      open: async (contactId) => {
        set({ contactId, items: [], status: 'loading', error: null });
        await load(contactId);
      },
      close: () => {
        loads.drop();
        set(useItems.getInitialState());
      },
      refresh: async () => {
        const { contactId } = get();
        if (contactId !== null) await load(contactId);
      },
    };
  });
  return useItems;
}
