import { create } from 'zustand';
import type { DueCounts } from '../../../shared/followups/followups.schemas.ts';
import { api } from '../../api/api.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type DueCountsState = {
  /** Overdue and due today; null until the first answer. */
  counts: DueCounts | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** The number beside Today in the sidebar. */
export const useDueCounts = create<DueCountsState>()((set) => ({
  counts: null,
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const counts = await api.invoke('followups.dueCounts', {});
      if (stillLatest()) set({ counts });
    } catch {
      // Only the number goes missing; the Today screen says what went wrong.
      if (stillLatest()) set({ counts: null });
    }
  },
}));
