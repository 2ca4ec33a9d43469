import { create } from 'zustand';
import type { ContactCounts } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type ContactCountsState = {
  /** How many contacts are listed and in the Trash; null until the first answer. */
  counts: ContactCounts | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** The numbers beside Contacts and Trash in the sidebar. */
export const useContactCounts = create<ContactCountsState>()((set) => ({
  counts: null,
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const counts = await api.invoke('contacts.count', {});
      if (stillLatest()) set({ counts });
    } catch {
      // Only the numbers go missing; the screens themselves say what went wrong.
      if (stillLatest()) set({ counts: null });
    }
  },
}));
