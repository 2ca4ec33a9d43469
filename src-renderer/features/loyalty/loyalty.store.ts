import { create } from 'zustand';
import type { LoyaltyStanding } from '../../../shared/insights/loyalty.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { refetchForContact } from '../customer-value/refetch-for-contact.ts';

type LoyaltyState = {
  contactId: string | null;
  standing: LoyaltyStanding | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open: (contactId: string) => Promise<void>;
  refresh: () => Promise<void>;
  close: () => void;
};

const loads = latestAnswer();

/** Where the contact on screen stands on the loyalty ladder, and why. */
export const useLoyalty = create<LoyaltyState>()((set, get) => {
  const load = async () => {
    const { contactId } = get();
    if (contactId === null) return;
    const stillLatest = loads.start();
    try {
      const standing = await api.invoke('loyalty.standing', { contactId });
      if (stillLatest()) set({ standing, status: 'ready', error: null });
    } catch (thrown) {
      if (stillLatest()) set({ status: 'error', error: apiErrorOf(thrown).message });
    }
  };
  return {
    contactId: null,
    standing: null,
    status: 'idle',
    error: null,
    open: async (contactId) => {
      set({ ...useLoyalty.getInitialState(), contactId, status: 'loading' });
      await load();
    },
    refresh: load,
    close: () => {
      loads.drop();
      set(useLoyalty.getInitialState());
    },
  };
});

/** A score, an override, a recompute, a purchase or a logged complaint or referral can move them. */
export function followLoyalty(): () => void {
  const { getState } = useLoyalty;
  return refetchForContact(['loyalty.changed', 'insights.changed', 'purchases.changed', 'history.changed'], () => getState().contactId, () => void getState().refresh());
}
