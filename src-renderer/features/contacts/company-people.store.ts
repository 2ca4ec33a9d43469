import { create } from 'zustand';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { refetchOn } from '../../api/refetch-on.ts';

/** A company page lists this many of its people; the count says when there are more. */
export const peopleShown = 500;

type CompanyPeopleState = {
  /** The company whose people are shown, or null before any company page opened. */
  companyId: string | null;
  /** Null while loading. */
  people: ContactSummary[] | null;
  total: number | null;
  error: string | null;
  /** Loads the people linked to a company, by name. */
  load: (companyId: string) => Promise<void>;
};

/** An answer for a company no longer shown is dropped. */
const loads = latestAnswer();

export const useCompanyPeople = create<CompanyPeopleState>()((set, get) => ({
  companyId: null,
  people: null,
  total: null,
  error: null,

  load: async (companyId) => {
    const stillLatest = loads.start();
    // The same company reloading keeps its rows on screen until the new ones arrive.
    if (get().companyId !== companyId) set({ companyId, people: null, total: null, error: null });
    try {
      const page = await api.invoke('contacts.list', { companyId, sort: 'name', limit: peopleShown });
      if (stillLatest()) set({ people: page.items, total: page.total, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
}));

/** Keeps the shown company's people current when any window links, unlinks or renames someone. */
export function followCompanyPeople(): () => void {
  return refetchOn(['contacts.changed'], () => {
    const { companyId, load } = useCompanyPeople.getState();
    if (companyId !== null) void load(companyId);
  });
}
