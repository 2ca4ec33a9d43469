import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import {
  CustomerInsight,
  CustomerQuery,
  ExportedTable,
  ExportTable,
  InsightsOverview,
  InsightsQuery,
  ProfitTable,
  ProfitTableQuery,
  RecomputeStatus,
} from './insights.schemas.ts';
import { ByContact, LoyaltyStanding, OverrideStage, RecordScore, Score } from './loyalty.schemas.ts';

/** What customers are worth and where they stand: P&L, lifetime value, the loyalty ladder, segments. */
export const insightsContract = {
  /** One customer's P&L for a period (live) and lifetime value (as of the last recompute). */
  'insights.customer': { input: CustomerQuery, output: CustomerInsight },
  'insights.overview': { input: InsightsQuery, output: InsightsOverview },
  /** The sortable P&L table, and the contacts behind any figure of the overview. */
  'insights.customers': { input: ProfitTableQuery, output: ProfitTable },
  'insights.status': { input: z.object({}), output: RecomputeStatus },
  /** Recomputes now and answers when done (the background job does the same a moment after a change). */
  'insights.recompute': { input: z.object({}), output: RecomputeStatus },
  /** Writes a table of the Insights view as CSV. */
  'insights.exportTable': { input: ExportTable, output: ExportedTable },
  'loyalty.standing': { input: ByContact, output: LoyaltyStanding },
  'loyalty.recordScore': { input: RecordScore, output: Score },
  'loyalty.override': { input: OverrideStage, output: LoyaltyStanding },
} as const satisfies ContractSlice;
