import { create } from 'zustand';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

/** How many contacts the picker offers at once: enough to choose from, short enough to scan. */
const referrerHitLimit = 8;
const searchDelayMs = 150;

type ReferrerPickerState = {
  /** The text the shown hits answer; answers to older text are dropped. */
  query: string;
  /** Null until the current text has been searched. */
  hits: ContactSummary[] | null;
  error: string | null;
  /** Searches all contacts for `query` shortly after the user stops typing. */
  search: (query: string) => void;
};

let searchTimer: ReturnType<typeof setTimeout> | undefined;
const searches = latestAnswer();

/** The Log interaction form's "Referred by": contacts matching what is typed. */
export const useReferrerPicker = create<ReferrerPickerState>()((set) => ({
  query: '',
  hits: null,
  error: null,

  search: (query) => {
    const stillLatest = searches.start();
    clearTimeout(searchTimer);
    set({ query, hits: null, error: null });
    if (query.trim() === '') return;
    searchTimer = setTimeout(async () => {
      try {
        const hits = await api.invoke('contacts.search', { query, limit: referrerHitLimit });
        if (stillLatest()) set({ hits });
      } catch (thrown) {
        if (stillLatest()) set({ error: apiErrorOf(thrown).message });
      }
    }, searchDelayMs);
  },
}));
