import { create } from 'zustand';
import type { PlanPreview } from '../../../shared/plans/plans.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { todayLocal } from '../../ui/dates.ts';
import { showToast } from '../../ui/toast.store.ts';
import { countWords } from './plan-words.ts';

type StartPlanState = {
  /** The contact the dialog is open for; null when closed. */
  contactId: string | null;
  /** How the toast names them: their first name, or the company's name. */
  contactName: string;
  planId: string;
  anchorDate: string;
  preview: PlanPreview | null;
  previewing: boolean;
  /** Why the preview or the start did not work, in the core's words. */
  problem: string | null;
  starting: boolean;
  open: (contact: { id: string; name: string }, planId: string) => void;
  choose: (change: { planId?: string; anchorDate?: string }) => void;
  start: () => Promise<void>;
  close: () => void;
};

const previews = latestAnswer();
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The Start plan dialog: a plan and an anchor date, every step's date previewed before starting. */
export const useStartPlan = create<StartPlanState>()((set, get) => {
  const preview = async () => {
    const { contactId, planId, anchorDate } = get();
    if (contactId === null || planId === '') return;
    if (!isDay(anchorDate)) {
      previews.drop();
      set({ preview: null, previewing: false, problem: 'Enter the anchor date as YYYY-MM-DD.' });
      return;
    }
    const stillLatest = previews.start();
    set({ previewing: true });
    try {
      const shown = await api.invoke('plans.preview', { planId, contactId, anchorDate });
      if (stillLatest()) set({ preview: shown, previewing: false, problem: null });
    } catch (thrown) {
      if (stillLatest()) set({ preview: null, previewing: false, problem: apiErrorOf(thrown).message });
    }
  };
  return {
    contactId: null,
    contactName: '',
    planId: '',
    anchorDate: '',
    preview: null,
    previewing: false,
    problem: null,
    starting: false,
    open: (contact, planId) => {
      set({ ...useStartPlan.getInitialState(), contactId: contact.id, contactName: contact.name, planId, anchorDate: todayLocal() });
      void preview();
    },
    choose: (change) => {
      set(change);
      void preview();
    },
    start: async () => {
      const { contactId, contactName, planId, anchorDate, starting } = get();
      if (contactId === null || starting || planId === '') return;
      set({ starting: true, problem: null });
      try {
        const run = await api.invoke('plans.start', { planId, contactId, anchorDate });
        previews.drop();
        set(useStartPlan.getInitialState());
        showToast({ message: `Started ${run.planName} for ${contactName || run.contactName}: ${countWords(run.total, 'follow-up')}` });
      } catch (thrown) {
        set({ starting: false, problem: apiErrorOf(thrown).message });
      }
    },
    close: () => {
      previews.drop();
      set(useStartPlan.getInitialState());
    },
  };
});
