import { create } from 'zustand';
import type { InsightsOverview, ProfitPeriod, RecomputeStatus } from '../../../shared/insights/insights.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import type { Progress } from '../backup/ProgressBar.tsx';

type InsightsState = {
  period: ProfitPeriod;
  overview: InsightsOverview | null;
  /** Fresher than the overview's copy: the recompute and its progress update it. */
  status: RecomputeStatus | null;
  /** Loading until the first answer; `error` when the last load failed. */
  loaded: boolean;
  error: string | null;
  /** The background recompute's last report, while it runs. */
  progress: (Progress & { phase: string }) | null;
  recomputing: boolean;
  recomputeProblem: string | null;
  setPeriod: (period: ProfitPeriod) => void;
  refresh: () => Promise<void>;
  recompute: () => Promise<void>;
  showProgress: (progress: Progress & { phase: string }) => void;
  /** New figures are in: the progress is over. */
  finishProgress: () => void;
};

const loads = latestAnswer();

/** The Insights view's figures for the chosen period, and the recompute behind them. */
export const useInsights = create<InsightsState>()((set, get) => ({
  period: 'last_12_months',
  overview: null,
  status: null,
  loaded: false,
  error: null,
  progress: null,
  recomputing: false,
  recomputeProblem: null,
  setPeriod: (period) => {
    set({ period });
    void get().refresh();
  },
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const [overview, status] = await Promise.all([api.invoke('insights.overview', { period: get().period }), api.invoke('insights.status', {})]);
      if (stillLatest()) set({ overview, status, loaded: true, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ loaded: true, error: apiErrorOf(thrown).message });
    }
  },
  recompute: async () => {
    if (get().recomputing) return;
    set({ recomputing: true, recomputeProblem: null, progress: null });
    try {
      const status = await api.invoke('insights.recompute', {});
      set({ status });
    } catch (thrown) {
      set({ recomputeProblem: apiErrorOf(thrown).message });
    } finally {
      set({ recomputing: false, progress: null });
    }
  },
  // The last step's report can arrive after the new figures: a finished recompute shows no bar.
  showProgress: (progress) => set({ progress: progress.done >= progress.total ? null : progress }),
  finishProgress: () => set({ progress: null }),
}));
