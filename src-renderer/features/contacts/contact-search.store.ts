import { create } from 'zustand';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { askNewest, type Sent } from '../../api/ask-newest.ts';
import { apiErrorOf } from '../../api/client.ts';

export const minSearchLength = 2;

type ContactSearchState = {
  query: string;
  /** Null while the query is too short to search: the list shows instead. Kept on screen until the next answer. */
  results: ContactSummary[] | null;
  /** The query the results (or the error) answer, which may trail what is typed by one search. */
  answered: string;
  searchError: string | null;
  /**
   * The search now with the core, if any. Only one at a time: keys typed meanwhile
   * wait, and only the newest query is searched when it answers.
   */
  sent: Sent | null;
  /** Searches at once, or as soon as the search in flight answers; a query too short clears the results. */
  setQuery: (query: string) => void;
  /** Searches the current query again, after contacts changed. */
  refresh: () => void;
};

const searchable = (query: string) => query.trim().length >= minSearchLength;

/** "Search contacts" in the app shell: the text typed and the hits for it. */
export const useContactSearch = create<ContactSearchState>()((set, get) => {
  const searches = askNewest<ContactSearchState, ContactSummary[]>(
    { get, set },
    {
      searchable,
      ask: (query) => api.invoke('contacts.search', { query }),
      shown: (query, outcome) =>
        'answer' in outcome ? { results: outcome.answer, searchError: null, answered: query } : { searchError: apiErrorOf(outcome.error).message, answered: query },
    },
  );

  return {
    query: '',
    results: null,
    answered: '',
    searchError: null,
    sent: null,

    setQuery: (query) => {
      set({ query });
      if (!searchable(query)) {
        set({ results: null, searchError: null, answered: '' });
        return;
      }
      searches.askNow();
    },

    refresh: searches.refresh,
  };
});
