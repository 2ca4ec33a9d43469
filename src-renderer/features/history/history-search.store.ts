import { create } from 'zustand';
import type { HistoryHit } from '../../../shared/history/history.schemas.ts';
import { api } from '../../api/api.ts';
import { askNewest, type Sent } from '../../api/ask-newest.ts';
import { minSearchLength } from '../contacts/contact-search.store.ts';

/** How many history hits the search box shows under the contacts: enough to find a note, short enough to scan. */
export const historyHitLimit = 5;

type HistorySearchState = {
  query: string;
  /** Entries whose summary, outcome or reasons hold the words; empty while the query is too short. */
  hits: HistoryHit[];
  /** The search now with the core, if any: one at a time, the newest query next. */
  sent: Sent | null;
  /** Searches at once, or as soon as the search in flight answers; a query too short clears the hits. */
  setQuery: (query: string) => void;
  /** Searches the current query again, after history changed. */
  refresh: () => void;
};

const searchable = (query: string) => query.trim().length >= minSearchLength;

/** The "In history" hits of "Search contacts": words found in what was logged. */
export const useHistorySearch = create<HistorySearchState>()((set, get) => {
  const searches = askNewest<HistorySearchState, HistoryHit[]>(
    { get, set },
    {
      searchable,
      ask: (query) => api.invoke('history.search', { query, limit: historyHitLimit }),
      // The contact hits above say when searching fails; an extra group would only repeat it.
      shown: (_query, outcome) => ({ hits: 'answer' in outcome ? outcome.answer : [] }),
    },
  );

  return {
    query: '',
    hits: [],
    sent: null,

    setQuery: (query) => {
      set({ query });
      if (!searchable(query)) {
        set({ hits: [] });
        return;
      }
      searches.askNow();
    },

    refresh: searches.refresh,
  };
});
