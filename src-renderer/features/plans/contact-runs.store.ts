import { create } from 'zustand';
import type { PlanRun } from '../../../shared/plans/plans.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type ContactRunsState = {
  contactId: string | null;
  /** Its running plans, newest first. */
  runs: PlanRun[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open: (contactId: string) => Promise<void>;
  close: () => void;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

const newestFirst = (a: PlanRun, b: PlanRun) => b.startedAt.localeCompare(a.startedAt);

/** The plans running for the contact on screen. */
export const useContactRuns = create<ContactRunsState>()((set, get) => {
  const load = async (contactId: string) => {
    const stillLatest = loads.start();
    try {
      const runs = await api.invoke('plans.runs', { contactId, status: 'running' });
      if (stillLatest()) set({ runs: [...runs].sort(newestFirst), status: 'ready', error: null });
    } catch (thrown) {
      if (stillLatest()) set({ status: 'error', error: apiErrorOf(thrown).message });
    }
  };
  return {
    contactId: null,
    runs: [],
    status: 'idle',
    error: null,
    open: async (contactId) => {
      set({ contactId, runs: [], status: 'loading', error: null });
      await load(contactId);
    },
    close: () => {
      loads.drop();
      set(useContactRuns.getInitialState());
    },
    refresh: async () => {
      const { contactId } = get();
      if (contactId !== null) await load(contactId);
    },
  };
});
