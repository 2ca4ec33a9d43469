import { create } from 'zustand';
import type { TodayView } from '../../../shared/followups/followups.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type TodayState = {
  view: TodayView | null;
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** The Today screen: overdue, due today, upcoming, losing touch. */
export const useToday = create<TodayState>()((set) => ({
  view: null,
  error: null,
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const view = await api.invoke('followups.today', {});
      if (stillLatest()) set({ view, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
}));
