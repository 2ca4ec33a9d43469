import { create } from 'zustand';
import type { DrillDown, ProfitTableRow } from '../../../shared/insights/insights.schemas.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { loadCustomers } from './customer-list.ts';
import { useInsights } from './insights.store.ts';

const drillPageSize = 100;

type DrillState = {
  /** The figure opened, in words ("At risk"); null when the panel is closed. */
  title: string | null;
  drill: DrillDown | null;
  items: ProfitTableRow[];
  total: number | null;
  error: string | null;
  /** Where focus goes back to when the panel closes. */
  opener: HTMLElement | null;
  open: (drill: DrillDown, title: string, opener: HTMLElement | null) => void;
  showMore: () => Promise<void>;
  refresh: () => Promise<void>;
  close: () => void;
};

const loads = latestAnswer();

/** The contacts behind one figure of the Insights view. */
export const useDrill = create<DrillState>()((set, get) => {
  async function load(offset: number, limit: number): Promise<void> {
    const { drill } = get();
    if (drill === null) return;
    const stillLatest = offset === 0 ? loads.start() : loads.join();
    try {
      const table = await loadCustomers({ period: useInsights.getState().period, sort: 'profit', direction: 'desc', offset, limit, drill });
      if (stillLatest()) set((state) => ({ items: offset === 0 ? table.items : [...state.items, ...table.items], total: table.total, error: null }));
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  }
  return {
    title: null,
    drill: null,
    items: [],
    total: null,
    error: null,
    opener: null,
    open: (drill, title, opener) => {
      set({ drill, title, opener, items: [], total: null, error: null });
      void load(0, drillPageSize);
    },
    showMore: () => load(get().items.length, drillPageSize),
    // Keeps as many rows as the user had opened.
    refresh: () => load(0, Math.min(500, Math.max(drillPageSize, get().items.length))),
    close: () => {
      const { opener } = get();
      loads.drop();
      set({ title: null, drill: null, items: [], total: null, error: null, opener: null });
      if (opener?.isConnected) opener.focus();
    },
  };
});
