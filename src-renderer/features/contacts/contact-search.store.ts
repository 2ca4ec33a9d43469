import { create } from 'zustand';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

export const minSearchLength = 2;
const searchDelayMs = 150;

type ContactSearchState = {
  query: string;
  /** Null while the query is too short to search: the list shows instead. */
  results: ContactSummary[] | null;
  searchError: string | null;
  /** Searches shortly after the user stops typing; a query too short clears the results. */
  setQuery: (query: string) => void;
  /** Searches the current query again, after contacts changed. */
  refresh: () => void;
};

let searchTimer: ReturnType<typeof setTimeout> | undefined;
const searches = latestAnswer();

const searchable = (query: string) => query.trim().length >= minSearchLength;

/** "Search contacts" in the app shell: the text typed and the hits for it. */
export const useContactSearch = create<ContactSearchState>()((set, get) => {
  async function runSearch(query: string): Promise<void> {
    const stillLatest = searches.start();
    try {
      const hits = await api.invoke('contacts.search', { query });
      if (stillLatest()) set({ results: hits, searchError: null });
    } catch (thrown) {
      if (stillLatest()) set({ searchError: apiErrorOf(thrown).message });
    }
  }

  return {
    query: '',
    results: null,
    searchError: null,

    setQuery: (query) => {
      set({ query });
      clearTimeout(searchTimer);
      if (!searchable(query)) {
        searches.drop();
        set({ results: null, searchError: null });
        return;
      }
      searchTimer = setTimeout(() => void runSearch(query), searchDelayMs);
    },

    refresh: () => {
      const { query } = get();
      if (searchable(query)) void runSearch(query);
    },
  };
});
