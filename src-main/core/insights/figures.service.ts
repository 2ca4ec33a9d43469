import { AppError } from '../../../shared/api/errors.ts';
import type {
  CustomerInsight,
  CustomerQuery,
  ExportTable,
  ExportedTable,
  InsightsOverview,
  InsightsQuery,
  ProfitTable,
  ProfitTableQuery,
} from '../../../shared/insights/insights.schemas.ts';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../db/handle.ts';

// PLACEHOLDERS until the profit-and-figures helper lands them: replaced, never shipped.
const notYet = (): never => {
  throw new AppError('INTERNAL', 'Not built yet.');
};
export async function customerInsight(_ctx: CoreContext, _input: CustomerQuery): Promise<CustomerInsight> {
  return notYet();
}
export async function overview(_ctx: CoreContext, _input: InsightsQuery): Promise<InsightsOverview> {
  return notYet();
}
export async function customerTable(_ctx: CoreContext, _input: ProfitTableQuery): Promise<ProfitTable> {
  return notYet();
}
export async function exportTable(_ctx: CoreContext, _input: ExportTable): Promise<ExportedTable> {
  return notYet();
}
/**
 * Rewrites customer_profits (every customer's P&L lines for each period as of `asOf`,
 * YYYY-MM-DD, the user's today) and insights_overviews (the Insights view's figures per
 * period). The recompute calls it inside its own transaction, after customer_values
 * (values, tiers, stages) and the ladder's moves are written.
 */
export async function refreshFigures(_db: Db, _asOf: string, _settings: Settings, _computedAt: string): Promise<void> {}
