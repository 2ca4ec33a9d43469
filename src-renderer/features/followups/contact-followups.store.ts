import { create } from 'zustand';
import type { Followup } from '../../../shared/followups/followups.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type ContactFollowupsState = {
  contactId: string | null;
  /** Open follow-ups, soonest first. */
  items: Followup[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open: (contactId: string) => Promise<void>;
  close: () => void;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

const soonestFirst = (a: Followup, b: Followup) => `${a.dueDate} ${a.dueTime ?? ''}`.localeCompare(`${b.dueDate} ${b.dueTime ?? ''}`);

/** The open follow-ups on the contact page. */
export const useContactFollowups = create<ContactFollowupsState>()((set, get) => {
  const load = async (contactId: string) => {
    const stillLatest = loads.start();
    try {
      const items = await api.invoke('followups.list', { contactId, status: 'open' });
      if (stillLatest()) set({ items: [...items].sort(soonestFirst), status: 'ready', error: null });
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
      set(useContactFollowups.getInitialState());
    },
    refresh: async () => {
      const { contactId } = get();
      if (contactId !== null) await load(contactId);
    },
  };
});
