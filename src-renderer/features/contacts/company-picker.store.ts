import { create } from 'zustand';
import type { Contact, ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { createContact } from './contact-editing.ts';

/** How many companies the picker offers at once: enough to choose from, short enough to scan. */
export const companyHitLimit = 8;
const searchDelayMs = 150;

type CompanyPickerState = {
  /** The text the shown hits answer; answers to older text are dropped. */
  query: string;
  /** Null until the current text has been searched. */
  hits: ContactSummary[] | null;
  error: string | null;
  /** Searches companies for `query` shortly after the user stops typing. */
  search: (query: string) => void;
  /** Adds a company by its name, for the picker to link. */
  createCompany: (name: string) => Promise<Contact>;
};

let searchTimer: ReturnType<typeof setTimeout> | undefined;
const searches = latestAnswer();

/** The contact form's company picker: companies matching what is typed, and creating a new one. */
export const useCompanyPicker = create<CompanyPickerState>()((set) => ({
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
        const hits = await api.invoke('contacts.search', { query, kind: 'company', limit: companyHitLimit });
        if (stillLatest()) set({ hits });
      } catch (thrown) {
        if (stillLatest()) set({ error: apiErrorOf(thrown).message });
      }
    }, searchDelayMs);
  },

  createCompany: (name) => createContact({ kind: 'company', company: name.trim() }),
}));
