import { create } from 'zustand';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type InsightsSettingsState = {
  settings: Settings | null;
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** The settings behind the figures: admin cost, the unprofitable line, discount rate, tiers, the ladder's rules. */
export const useInsightsSettings = create<InsightsSettingsState>()((set) => ({
  settings: null,
  error: null,
  refresh: async () => {
    const stillLatest = loads.start();
    try {
      const settings = await api.invoke('settings.get', {});
      if (stillLatest()) set({ settings, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
}));
