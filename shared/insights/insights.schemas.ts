import { z } from 'zod';
import { LoyaltyStage } from './loyalty.schemas.ts';

const ContactId = z.uuid({ error: 'That is not a contact id.' });
const FilePath = z.string().trim().min(1, { error: 'Choose a file.' }).max(4096, { error: 'That path is too long.' });

export const ProfitPeriod = z.enum(['this_year', 'last_12_months', 'all_time'], { error: 'Choose this year, the last 12 months or all time.' });
export type ProfitPeriod = z.infer<typeof ProfitPeriod>;

/** CLV tiers: the top customers by predicted value, the next, and the rest (the shares are in settings). */
export const ClvTier = z.enum(['top', 'middle', 'rest']);
export type ClvTier = z.infer<typeof ClvTier>;

/** The founding list, each line in cents; profit = revenue − every other line. */
export const ProfitAndLoss = z.object({
  contactId: z.string(),
  period: ProfitPeriod,
  /** The period's first and last day (YYYY-MM-DD); all time starts at the customer's first purchase or when they were added. */
  from: z.string(),
  to: z.string(),
  revenueCents: z.number().int(),
  /** Discounts, allowances and credits, refunds included. */
  allowancesCents: z.number().int(),
  productCostCents: z.number().int(),
  channelCostCents: z.number().int(),
  /** From history: minutes × hourly cost + money spent (gifts…). */
  costToServeCents: z.number().int(),
  /** The yearly per-customer amount in settings, pro rata for the days of the period they were a customer. */
  adminCostCents: z.number().int(),
  profitCents: z.number().int(),
  /** Profit below the threshold in settings. */
  unprofitable: z.boolean(),
});
export type ProfitAndLoss = z.infer<typeof ProfitAndLoss>;

/** The lifetime-value figures of one customer, as of the last recompute. */
export const CustomerValue = z.object({
  contactId: z.string(),
  computedAt: z.string(),
  purchases: z.number().int(),
  firstPurchaseOn: z.string().nullable(),
  lastPurchaseOn: z.string().nullable(),
  /** What they have paid so far, net of discounts and refunds. */
  historicalCents: z.number().int(),
  /** Over the next 12 months; null with the simple model. */
  expectedPurchases: z.number().nullable(),
  expectedSpendCents: z.number().int().nullable(),
  pAlive: z.number().nullable(),
  predictedClvCents: z.number().int(),
  tier: ClvTier.nullable(),
  model: z.enum(['bgnbd', 'simple', 'none']),
  /** Why that model: "BG/NBD + Gamma-Gamma: 412 repeat customers", or why the simple one. */
  modelReason: z.string(),
});
export type CustomerValue = z.infer<typeof CustomerValue>;

export const CustomerQuery = z.object({ contactId: ContactId, period: ProfitPeriod.default('last_12_months') });

/** Everything the contact page shows about a customer's worth. */
export type CustomerQuery = z.output<typeof CustomerQuery>;
export const CustomerInsight = z.object({
  profit: ProfitAndLoss,
  /** Null until the first recompute has seen a purchase of theirs. */
  value: CustomerValue.nullable(),
});
export type CustomerInsight = z.infer<typeof CustomerInsight>;

export const RecomputeStatus = z.object({
  /** When the figures were last computed; null before the first time. */
  computedAt: z.string().nullable(),
  running: z.boolean(),
  /** Purchases, history or scores changed since: a recompute is due. */
  stale: z.boolean(),
  model: z.enum(['bgnbd', 'simple', 'none']),
  modelReason: z.string(),
  customers: z.number().int(),
  durationMs: z.number().int().nullable(),
  /** What went wrong last time, in words; null when it went well. */
  failure: z.string().nullable(),
});
export type RecomputeStatus = z.infer<typeof RecomputeStatus>;

/** What a figure on the Insights view stands for: its contacts are listed by insights.contacts. */
export const DrillDown = z.discriminatedUnion('by', [
  z.object({ by: z.literal('stage'), stage: LoyaltyStage }),
  z.object({ by: z.literal('tier'), tier: ClvTier }),
  /** Predicted CLV from (inclusive) to (exclusive), in cents; to null: no upper end. */
  z.object({ by: z.literal('clv'), fromCents: z.number().int(), toCents: z.number().int().nullable() }),
  z.object({ by: z.literal('channel'), channel: z.string() }),
  /** Customers who bought in the quarter, e.g. 2026-Q3. */
  z.object({ by: z.literal('quarter'), quarter: z.string().regex(/^\d{4}-Q[1-4]$/) }),
  /** Customers of a segment lost in the period (bought in the period before, not in this one). */
  z.object({ by: z.literal('lost'), segment: z.string() }),
  /** Customers below the unprofitable threshold. */
  z.object({ by: z.literal('unprofitable') }),
]);
export type DrillDown = z.infer<typeof DrillDown>;

export const InsightsQuery = z.object({ period: ProfitPeriod.default('last_12_months') });

export type InsightsQuery = z.output<typeof InsightsQuery>;
export const LadderCounts = z.object({ detractor: z.number().int(), at_risk: z.number().int(), movable: z.number().int(), ambassador: z.number().int() });

export const SegmentRow = z.object({
  /** top, middle, rest, or a ladder stage. */
  segment: z.string(),
  label: z.string(),
  customers: z.number().int(),
  averageProfitCents: z.number().int(),
  /** Of the segment's customers who bought in the period before, the share who bought again in this one (0–1); null without any. */
  retentionRate: z.number().nullable(),
  /** Average profit × retention rate. */
  turnoverAdjustedProfitCents: z.number().int().nullable(),
  /** Customers lost in the period, as a share of those who bought in the period before (0–1). */
  turnoverRate: z.number().nullable(),
  lost: z.number().int(),
  /** Of the interactions of the segment's low-profit customers in the period, the share that were self-service (0–1). */
  lowProfitSelfServiceShare: z.number().nullable(),
  drill: DrillDown,
});
export type SegmentRow = z.infer<typeof SegmentRow>;

export const ChannelRow = z.object({
  channel: z.string(),
  purchases: z.number().int(),
  revenueCents: z.number().int(),
  channelCostCents: z.number().int(),
  productCostCents: z.number().int(),
  /** Each customer's cost to serve, shared across channels by their revenue through each. */
  costToServeCents: z.number().int(),
  profitCents: z.number().int(),
  drill: DrillDown,
});
export type ChannelRow = z.infer<typeof ChannelRow>;

export const QuarterRow = z.object({
  quarter: z.string(),
  revenueCents: z.number().int(),
  profitCents: z.number().int(),
  customers: z.number().int(),
  ladder: LadderCounts,
});
export type QuarterRow = z.infer<typeof QuarterRow>;

export const InsightsOverview = z.object({
  status: RecomputeStatus,
  period: ProfitPeriod,
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  customers: z.number().int(),
  ladder: LadderCounts,
  clvBins: z.array(z.object({ fromCents: z.number().int(), toCents: z.number().int().nullable(), customers: z.number().int() })),
  segments: z.array(SegmentRow),
  channels: z.array(ChannelRow),
  /** The last eight quarters, oldest first: revenue, profit, buying customers and the ladder at the quarter's end. */
  quarters: z.array(QuarterRow),
  unprofitableCustomers: z.number().int(),
});
export type InsightsOverview = z.infer<typeof InsightsOverview>;

export const ProfitSort = z.enum(['name', 'revenue', 'allowances', 'productCost', 'channelCost', 'costToServe', 'adminCost', 'profit', 'clv']);

export const ProfitTableQuery = z.object({
  period: ProfitPeriod.default('last_12_months'),
  sort: ProfitSort.default('profit'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  drill: DrillDown.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export type ProfitTableQuery = z.output<typeof ProfitTableQuery>;
export const ProfitTableRow = ProfitAndLoss.omit({ from: true, to: true, period: true }).extend({
  displayName: z.string(),
  predictedClvCents: z.number().int().nullable(),
  stage: LoyaltyStage.nullable(),
  tier: ClvTier.nullable(),
});
export type ProfitTableRow = z.infer<typeof ProfitTableRow>;

/** Customers with their P&L: the sortable table, and every drill-down's list of contacts. */
export const ProfitTable = z.object({ items: z.array(ProfitTableRow), total: z.number().int(), computedAt: z.string().nullable() });
export type ProfitTable = z.infer<typeof ProfitTable>;

export const ExportTable = z.object({
  table: z.enum(['segments', 'channels', 'quarters', 'customers']),
  period: ProfitPeriod.default('last_12_months'),
  /** A file the user chose (Electron's save dialog); the exports folder when left out. */
  to: FilePath.optional(),
});

export type ExportTable = z.output<typeof ExportTable>;
export const ExportedTable = z.object({ path: z.string(), fileName: z.string(), rows: z.number().int() });
export type ExportedTable = z.output<typeof ExportedTable>;
