import { create } from 'zustand';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type StrategySettingsState = {
  settings: Settings | null;
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** The settings behind the relationship strategy: the hours of the times of day, the cap on automatic touches. */
export const useStrategySettings = create<StrategySettingsState>()((set) => ({
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
