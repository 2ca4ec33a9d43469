import { basename, join } from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import type {
  CustomerInsight,
  CustomerQuery,
  ExportTable,
  ExportedTable,
  InsightsOverview,
  InsightsQuery,
  ProfitPeriod,
  ProfitTable,
  ProfitTableQuery,
  ProfitTableRow,
  RecomputeStatus,
} from '../../../shared/insights/insights.schemas.ts';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import { nowOf, type CoreContext } from '../context.ts';
import type { Db } from '../db/handle.ts';
import { localMoment } from '../followups/followups.service.ts';
import { readSettings } from '../settings/settings.service.ts';
import { databaseFolder, writeFileWhole } from '../transfer/transfer.service.ts';
import { countCustomers, fewOf, findCustomerPage, findDrillFacts, type CustomerTableQuery, type CustomerTableRow } from './customer-table.repository.ts';
import { dropContactFigures, saveChannelBits, writeContactFigures } from './contact-figures.repository.ts';
import { exportFileName, tableRows, writeTableCsv } from './export-table.ts';
import { findCustomerValue } from './figures.repository.ts';
import { buildOverview, commonFigures, emptyOverview, type StoredOverview } from './overview-figures.ts';
import { findOverview, findRun, replaceOverviews } from './overview.repository.ts';
import { periodSpan } from './profit-periods.ts';
import { liveProfitOf, rewriteCustomerProfits, writeMemberFigures, type AdminCost } from './profit.repository.ts';

const periods: ProfitPeriod[] = ['this_year', 'last_12_months', 'all_time'];

const todayOf = (ctx: CoreContext) => localMoment(nowOf(ctx)).date;

/** The admin cost's settings: the yearly amount, and how long after their last purchase a customer is still kept. */
const adminCostOf = (settings: Settings): AdminCost => ({ perYearCents: settings.adminCostPerCustomerPerYearCents, activeDays: settings.loyalty.activeDays });

/** What the last recompute left: when, which model and why, how many customers, how long it took. */
export function overviewStatusFromRun(run: Awaited<ReturnType<typeof findRun>>): RecomputeStatus {
  return {
    computedAt: run?.computed_at ?? null,
    running: false,
    stale: false,
    model: run?.model ?? 'none',
    modelReason: run?.model_reason ?? '',
    customers: run?.customers ?? 0,
    durationMs: run?.duration_ms ?? null,
    failure: null,
  };
}

/** One customer's P&L for the period, computed now from their purchases and history, and their value as of the last recompute. */
export async function customerInsight(ctx: CoreContext, input: CustomerQuery): Promise<CustomerInsight> {
  const settings = await readSettings(ctx.db);
  const today = todayOf(ctx);
  const lines = await liveProfitOf(ctx.db, input.contactId, input.period, today, adminCostOf(settings));
  if (!lines) throw new AppError('NOT_FOUND', 'That contact no longer exists. It may have been deleted for good.', { id: input.contactId });
  const value = await findCustomerValue(ctx.db, input.contactId);
  return {
    profit: {
      contactId: input.contactId,
      period: input.period,
      from: input.period === 'all_time' ? lines.became_on : periodSpan(input.period, today).from,
      to: today,
      revenueCents: lines.revenue_cents,
      allowancesCents: lines.allowances_cents,
      productCostCents: lines.product_cost_cents,
      channelCostCents: lines.channel_cost_cents,
      costToServeCents: lines.cost_to_serve_cents,
      adminCostCents: lines.admin_cost_cents,
      profitCents: lines.profit_cents,
      unprofitable: lines.profit_cents < settings.unprofitableBelowCents,
    },
    value: value
      ? {
          contactId: value.contact_id,
          computedAt: value.computed_at,
          purchases: value.purchases,
          firstPurchaseOn: value.first_purchase_on,
          lastPurchaseOn: value.last_purchase_on,
          historicalCents: value.historical_cents,
          expectedPurchases: value.expected_purchases,
          expectedSpendCents: value.expected_spend_cents,
          pAlive: value.p_alive,
          predictedClvCents: value.predicted_clv_cents,
          tier: value.tier,
          model: value.model,
          modelReason: value.model_reason,
        }
      : null,
  };
}

async function storedOverview(ctx: CoreContext, period: ProfitPeriod): Promise<StoredOverview> {
  const row = await findOverview(ctx.db, period);
  if (row) return JSON.parse(row.figures) as StoredOverview;
  const settings = await readSettings(ctx.db);
  return emptyOverview(period, todayOf(ctx), settings.currency);
}

/** The Insights view's figures for the period, as the last recompute wrote them: one row read. */
export async function overview(ctx: CoreContext, input: InsightsQuery): Promise<InsightsOverview> {
  const [figures, run] = await Promise.all([storedOverview(ctx, input.period), findRun(ctx.db)]);
  return { status: overviewStatusFromRun(run), ...figures };
}

function tableRow(row: CustomerTableRow, unprofitableBelowCents: number): ProfitTableRow {
  return {
    contactId: row.contact_id,
    displayName: row.display_name,
    revenueCents: row.revenue_cents,
    allowancesCents: row.allowances_cents,
    productCostCents: row.product_cost_cents,
    channelCostCents: row.channel_cost_cents,
    costToServeCents: row.cost_to_serve_cents,
    adminCostCents: row.admin_cost_cents,
    profitCents: row.profit_cents,
    unprofitable: row.profit_cents < unprofitableBelowCents,
    predictedClvCents: row.predicted_clv_cents,
    stage: row.stage,
    tier: row.tier,
  };
}

async function tableQuery(ctx: CoreContext, input: Omit<ProfitTableQuery, 'offset' | 'limit'>): Promise<CustomerTableQuery & { settings: Settings }> {
  const [settings, facts] = await Promise.all([readSettings(ctx.db), findDrillFacts(ctx.db)]);
  return { ...input, today: todayOf(ctx), unprofitableBelowCents: settings.unprofitableBelowCents, settings, facts };
}

/** Customers with their P&L for the period, sorted, one page, optionally only the contacts behind a figure. */
export async function customerTable(ctx: CoreContext, input: ProfitTableQuery): Promise<ProfitTable> {
  const query = await tableQuery(ctx, input);
  // The count first: a drill-down that keeps few customers reads its page from its own index.
  const total = await countCustomers(ctx.db, query);
  const [rows, run] = await Promise.all([findCustomerPage(ctx.db, query, { offset: input.offset, limit: input.limit, few: fewOf(query.facts, total) }), findRun(ctx.db)]);
  return { items: rows.map((row) => tableRow(row, query.unprofitableBelowCents)), total, computedAt: run?.computed_at ?? null };
}

/** Writes a table of the Insights view as CSV, to the file the user chose or the exports folder beside the data. */
export async function exportTable(ctx: CoreContext, input: ExportTable): Promise<ExportedTable> {
  const today = todayOf(ctx);
  const figures = await storedOverview(ctx, input.period);
  let customers: ProfitTableRow[] = [];
  if (input.table === 'customers') {
    const query = await tableQuery(ctx, { period: input.period, sort: 'profit', direction: 'desc' });
    customers = (await findCustomerPage(ctx.db, query, { offset: 0, limit: null, few: false })).map((row) => tableRow(row, query.unprofitableBelowCents));
  }
  const rows = tableRows(input.table, figures, customers);
  const path = input.to ?? join(await databaseFolder(ctx.db), 'exports', exportFileName(input.table, today));
  writeFileWhole(path, writeTableCsv(rows), { makeFolder: input.to === undefined });
  return { path, fileName: basename(path), rows: rows.length - 1 };
}

/**
 * The passes over every purchase and interaction the figures start from (temp tables of this
 * connection), made before the recompute's write so that its transaction is short: then
 * refreshFigures(…, { prepared: true }) inside it.
 */
export async function prepareFigures(db: Db, asOf: string): Promise<void> {
  await writeContactFigures(db, asOf);
}

/**
 * Rewrites customer_profits (every customer's P&L lines for each period as of `asOf`,
 * YYYY-MM-DD, the user's today) and insights_overviews (the Insights view's figures per
 * period). The recompute calls it inside its own transaction, after customer_values
 * (values, tiers, stages) and the ladder's moves are written. Every figure starts from
 * per-contact sums written once, in one pass over purchases and one over interactions,
 * to temp tables dropped at the end.
 */
export async function refreshFigures(db: Db, asOf: string, settings: Settings, computedAt: string, options: { prepared?: boolean } = {}): Promise<void> {
  if (!options.prepared) await writeContactFigures(db, asOf);
  try {
    await saveChannelBits(db);
    await writeMemberFigures(db, asOf, adminCostOf(settings));
    await rewriteCustomerProfits(db);
    const common = await commonFigures(db, asOf);
    const rows = [];
    for (const period of periods) {
      rows.push({ period, computed_at: computedAt, figures: JSON.stringify(await buildOverview(db, period, asOf, settings, common)) });
    }
    await replaceOverviews(db, rows);
  } finally {
    await dropContactFigures(db);
  }
}
