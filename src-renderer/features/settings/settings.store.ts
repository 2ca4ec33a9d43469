import { create } from 'zustand';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type SettingsState = {
  settings: Settings | null;
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/**
 * The business's settings as last read, for the screens that edit them: the relationship
 * strategy on Plans, the figures' settings on Insights. Both follow settings.changed.
 */
export const useSettings = create<SettingsState>()((set) => ({
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
