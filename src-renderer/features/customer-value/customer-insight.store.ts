import { create } from 'zustand';
import type { CustomerInsight, ProfitPeriod } from '../../../shared/insights/insights.schemas.ts';
import { api } from '../../api/api.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { refetchForContact } from './refetch-for-contact.ts';

type CustomerInsightState = {
  contactId: string | null;
  period: ProfitPeriod;
  insight: CustomerInsight | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open: (contactId: string) => Promise<void>;
  choosePeriod: (period: ProfitPeriod) => Promise<void>;
  refresh: () => Promise<void>;
  close: () => void;
};

const loads = latestAnswer();

/** One contact's profit and loss for the chosen period, and their lifetime value. */
export const useCustomerInsight = create<CustomerInsightState>()((set, get) => {
  const load = async () => {
    const { contactId, period } = get();
    if (contactId === null) return;
    const stillLatest = loads.start();
    try {
      const insight = await api.invoke('insights.customer', { contactId, period });
      if (stillLatest()) set({ insight, status: 'ready', error: null });
    } catch (thrown) {
      if (stillLatest()) set({ status: 'error', error: apiErrorOf(thrown).message });
    }
  };
  return {
    contactId: null,
    period: 'last_12_months',
    insight: null,
    status: 'idle',
    error: null,
    open: async (contactId) => {
      set({ ...useCustomerInsight.getInitialState(), contactId, status: 'loading' });
      await load();
    },
    choosePeriod: async (period) => {
      set({ period });
      await load();
    },
    refresh: load,
    close: () => {
      loads.drop();
      set(useCustomerInsight.getInitialState());
    },
  };
});

/** New purchases, logged history (cost to serve), a recompute or new settings change the figures. */
export function followCustomerInsight(): () => void {
  const { getState } = useCustomerInsight;
  return refetchForContact(['purchases.changed', 'history.changed', 'insights.changed', 'settings.changed'], () => getState().contactId, () => void getState().refresh());
}
