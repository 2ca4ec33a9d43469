import { create } from 'zustand';
import type { DuplicateGroup } from '../../../shared/duplicates/duplicates.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type DuplicatesState = {
  /** null until the first answer. */
  groups: DuplicateGroup[] | null;
  error: string | null;
  load: () => Promise<void>;
  /** Reloads if the list has been shown, after contacts changed or a merge. */
  refresh: () => void;
};

const loads = latestAnswer();

/** Contacts that look like one person, grouped by why. */
export const useDuplicates = create<DuplicatesState>()((set, get) => ({
  groups: null,
  error: null,
  load: async () => {
    const stillLatest = loads.start();
    try {
      const groups = await api.invoke('duplicates.find', {});
      if (stillLatest()) set({ groups, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
  refresh: () => {
    if (get().groups !== null || get().error !== null) void get().load();
  },
}));
