import { create } from 'zustand';
import type { HeldBackTouch, Plan } from '../../../shared/plans/plans.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';

type PlansState = {
  plans: Plan[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** Every plan, by name: the Plans screen and the Start plan dialog's choices. */
export const usePlans = create<PlansState>()((set, get) => ({
  plans: [],
  status: 'idle',
  error: null,
  refresh: async () => {
    const stillLatest = loads.start();
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      const plans = await api.invoke('plans.list', {});
      if (stillLatest()) set({ plans: [...plans].sort((a, b) => a.name.localeCompare(b.name)), status: 'ready', error: null });
    } catch (thrown) {
      if (stillLatest()) set({ status: 'error', error: apiErrorOf(thrown).message });
    }
  },
}));

type HeldBackState = {
  items: HeldBackTouch[];
  loaded: boolean;
  error: string | null;
  refresh: () => Promise<void>;
};

const heldBackLoads = latestAnswer();

/** What the cap on automatic touches held back, newest first: listed so nothing is dropped silently. */
export const useHeldBack = create<HeldBackState>()((set) => ({
  items: [],
  loaded: false,
  error: null,
  refresh: async () => {
    const stillLatest = heldBackLoads.start();
    try {
      const items = await api.invoke('plans.heldBack', {});
      if (stillLatest()) set({ items: [...items].sort((a, b) => b.heldAt.localeCompare(a.heldAt)), loaded: true, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ loaded: true, error: apiErrorOf(thrown).message });
    }
  },
}));
