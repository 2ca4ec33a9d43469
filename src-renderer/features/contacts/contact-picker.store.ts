import { create } from 'zustand';
import type { ContactKind, ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

/** How many contacts a picker offers at once: enough to choose from, short enough to scan. */
export const pickerHitLimit = 8;
const searchDelayMs = 150;

export type ContactPickerState = {
  /** The text the shown hits answer; answers to older text are dropped. */
  query: string;
  /** Null until the current text has been searched. */
  hits: ContactSummary[] | null;
  error: string | null;
  /** Searches for `query` shortly after the user stops typing. */
  search: (query: string) => void;
};

/** A store for one "pick a contact as you type" field; `kind` narrows it (companies alone, for the company picker). */
export function createContactPicker(kind?: ContactKind) {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const searches = latestAnswer();
  return create<ContactPickerState>()((set) => ({
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
          const hits = await api.invoke('contacts.search', kind ? { query, kind, limit: pickerHitLimit } : { query, limit: pickerHitLimit });
          if (stillLatest()) set({ hits });
        } catch (thrown) {
          if (stillLatest()) set({ error: apiErrorOf(thrown).message });
        }
      }, searchDelayMs);
    },
  }));
}
