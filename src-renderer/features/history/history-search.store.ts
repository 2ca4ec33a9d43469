import { create } from 'zustand';
import type { HistoryHit } from '../../../shared/history/history.schemas.ts';
import { api } from '../../api/api.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { minSearchLength } from '../contacts/contact-search.store.ts';

/** How many history hits the search box shows under the contacts: enough to find a note, short enough to scan. */
export const historyHitLimit = 5;
const searchDelayMs = 150;

type HistorySearchState = {
  query: string;
  /** Entries whose summary, outcome or reasons hold the words; empty while the query is too short. */
  hits: HistoryHit[];
  /** Searches shortly after the user stops typing; a query too short clears the hits. */
  setQuery: (query: string) => void;
  /** Searches the current query again, after history changed. */
  refresh: () => void;
};

let searchTimer: ReturnType<typeof setTimeout> | undefined;
const searches = latestAnswer();

const searchable = (query: string) => query.trim().length >= minSearchLength;

/** The "In history" hits of "Search contacts": words found in what was logged. */
export const useHistorySearch = create<HistorySearchState>()((set, get) => {
  async function runSearch(query: string): Promise<void> {
    const stillLatest = searches.start();
    try {
      const hits = await api.invoke('history.search', { query, limit: historyHitLimit });
      if (stillLatest()) set({ hits });
    } catch {
      // The contact hits above say when searching fails; an extra group would only repeat it.
      if (stillLatest()) set({ hits: [] });
    }
  }

  return {
    query: '',
    hits: [],

    setQuery: (query) => {
      set({ query });
      clearTimeout(searchTimer);
      if (!searchable(query)) {
        searches.drop();
        set({ hits: [] });
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
