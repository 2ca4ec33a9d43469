import type { DrillDown, ProfitPeriod, ProfitTable, ProfitTableQuery } from '../../../shared/insights/insights.schemas.ts';
import { api } from '../../api/api.ts';

export type ProfitSort = ProfitTableQuery['sort'];
export type SortDirection = ProfitTableQuery['direction'];

/** One page of customers with their P&L: the Customer profit table's, or a figure's contacts. */
export function loadCustomers(query: { period: ProfitPeriod; sort: ProfitSort; direction: SortDirection; offset: number; limit: number; drill?: DrillDown }): Promise<ProfitTable> {
  return api.invoke('insights.customers', query);
}
