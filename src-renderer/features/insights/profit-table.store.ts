import { create } from 'zustand';
import type { ProfitTableRow } from '../../../shared/insights/insights.schemas.ts';
import { apiErrorOf } from '../../api/client.ts';
import { latestAnswer } from '../../api/latest-answer.ts';
import { loadCustomers, type ProfitSort, type SortDirection } from './customer-list.ts';
import { useInsights } from './insights.store.ts';

export const profitPageSize = 50;

type ProfitTableState = {
  sort: ProfitSort;
  direction: SortDirection;
  offset: number;
  items: ProfitTableRow[];
  total: number | null;
  error: string | null;
  /** A header clicked: sorts by it, or turns its order round if it already sorts. */
  sortBy: (sort: ProfitSort) => void;
  showPage: (offset: number) => void;
  refresh: () => Promise<void>;
};

const loads = latestAnswer();

/** The sortable, paged Customer profit table of the Insights view. */
export const useProfitTable = create<ProfitTableState>()((set, get) => ({
  sort: 'profit',
  direction: 'desc',
  offset: 0,
  items: [],
  total: null,
  error: null,
  sortBy: (sort) => {
    const current = get();
    // Names read A to Z first; money reads largest first.
    const direction: SortDirection = current.sort === sort ? (current.direction === 'asc' ? 'desc' : 'asc') : sort === 'name' ? 'asc' : 'desc';
    set({ sort, direction, offset: 0 });
    void get().refresh();
  },
  showPage: (offset) => {
    set({ offset });
    void get().refresh();
  },
  refresh: async () => {
    const stillLatest = loads.start();
    const { sort, direction, offset } = get();
    try {
      const table = await loadCustomers({ period: useInsights.getState().period, sort, direction, offset, limit: profitPageSize });
      if (stillLatest()) set({ items: table.items, total: table.total, error: null });
    } catch (thrown) {
      if (stillLatest()) set({ error: apiErrorOf(thrown).message });
    }
  },
}));
