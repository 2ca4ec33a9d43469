import { create } from 'zustand';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';

export const minSearchLength = 2;

/** One search with the core: the query sent, and whether contacts changed since (its answer is then out of date). */
type Sent = { id: number; query: string; outdated: boolean };

let lastSearchId = 0;

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
  /** Sends the query typed now, unless a search is already with the core (its answer sends the next). */
  function searchNow(): void {
    const query = get().query.trim();
    if (get().sent !== null || !searchable(query)) return;
    const sent: Sent = { id: ++lastSearchId, query, outdated: false };
    set({ sent });
    api.invoke('contacts.search', { query }).then(
      (hits) => settle(sent, { results: hits, searchError: null }),
      (thrown: unknown) => settle(sent, { searchError: apiErrorOf(thrown).message }),
    );
  }

  /** Shows an answer only if it is for what is typed now and still current; then searches what was typed meanwhile. */
  function settle({ id, query }: Sent, shown: Partial<ContactSearchState>): void {
    const sent = get().sent;
    // A reset (a test, a restore) forgot this search: nothing of it may reach the screen.
    if (sent?.id !== id) return;
    const current = !sent.outdated && get().query.trim() === query;
    set(current ? { ...shown, answered: query, sent: null } : { sent: null });
    if (!current) searchNow();
  }

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
      searchNow();
    },

    refresh: () => {
      const { sent } = get();
      if (sent) set({ sent: { ...sent, outdated: true } });
      else searchNow();
    },
  };
});
