import { clvTierNames, loyaltyStageNames } from '../../../shared/insights/insights.labels.ts';
import type { ChannelRow, ClvTier, InsightsOverview, ProfitPeriod, QuarterRow, SegmentRow } from '../../../shared/insights/insights.schemas.ts';
import type { LoyaltyStage } from '../../../shared/insights/loyalty.schemas.ts';
import type { Settings } from '../../../shared/settings/settings.schemas.ts';
import type { Db } from '../db/handle.ts';
import { localMoment } from '../followups/followups.service.ts';
import {
  channelSums,
  clvBinCounts,
  clvRange,
  costToServeByChannel,
  customersAndLadder,
  earliestStarts,
  noPurchaseChannel,
  ladderAtQuarterEnds,
  quarterSums,
  segmentSums,
  unprofitableCount,
  type SegmentSums,
} from './overview.repository.ts';
import { lastQuarters, periodSpan } from './profit-periods.ts';

/** The overview as the recompute stores it; insights.overview adds the recompute's status. */
export type StoredOverview = Omit<InsightsOverview, 'status'>;
type Ladder = InsightsOverview['ladder'];

const tiers: ClvTier[] = ['top', 'middle', 'rest'];
const stages: LoyaltyStage[] = ['detractor', 'at_risk', 'movable', 'ambassador'];
const emptyLadder = (): Ladder => ({ detractor: 0, at_risk: 0, movable: 0, ambassador: 0 });

/** A round bin width near `raw` cents: 1, 2, 2.5 or 5 times a power of ten, whole cents. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const factor = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= raw && Number.isInteger(candidate * power)) ?? 10;
  return factor * power;
}

/**
 * About ten bins of predicted lifetime value over the customers, with round edges up to about the
 * 95th percentile, and the last one open-ended for the rest: one far outlier does not squeeze
 * everyone else into the first bin. None when no value is estimated (no model, or every value 0).
 * Each bin's from (inclusive) and to (exclusive) are the drill-down's, so it lists exactly its customers.
 */
async function clvBins(db: Db): Promise<InsightsOverview['clvBins']> {
  const { low, high, p95 } = await clvRange(db);
  if (low === null || high === null || p95 === null || high <= 0) return [];
  const upper = p95 > low ? p95 : high;
  const step = niceStep(Math.max(1, (upper - low) / 10));
  const start = Math.floor(low / step) * step;
  const closed = Math.max(1, Math.ceil((upper - start) / step));
  // An open bin for the customers beyond the round edge after the 95th percentile; without any, the last bin is the open one.
  const bins = high >= start + closed * step ? closed + 1 : closed;
  const counts = await clvBinCounts(db, start, step, bins);
  return Array.from({ length: bins }, (_, index) => ({
    fromCents: start + index * step,
    toCents: index === bins - 1 ? null : start + (index + 1) * step,
    customers: counts.get(index) ?? 0,
  }));
}

function segmentRow(segment: ClvTier | LoyaltyStage, sums: SegmentSums | undefined): SegmentRow {
  const customers = sums?.customers ?? 0;
  const boughtBefore = sums?.boughtBefore ?? 0;
  const retained = sums?.retained ?? 0;
  const averageProfitCents = customers > 0 ? Math.round((sums?.profitSum ?? 0) / customers) : 0;
  const retentionRate = boughtBefore > 0 ? retained / boughtBefore : null;
  const lowTouches = sums?.lowTouches ?? 0;
  const isTier = (tiers as string[]).includes(segment);
  return {
    segment,
    label: isTier ? clvTierNames[segment as ClvTier] : loyaltyStageNames[segment as LoyaltyStage],
    /** Contacts in the tier or at the stage as of the last recompute. */
    customers,
    /** Their mean profit over the period, to the cent. */
    averageProfitCents,
    /** Of those who bought (a sale or closing) in the period before, the share who bought again in this one. */
    retentionRate,
    /** Average profit × retention rate: what a member is worth once the ones you lose are counted. */
    turnoverAdjustedProfitCents: retentionRate === null ? null : Math.round(averageProfitCents * retentionRate),
    /** 1 − retention rate: the share of last period's buyers who did not buy again. */
    turnoverRate: retentionRate === null ? null : 1 - retentionRate,
    /** Bought in the period before, not in this one. */
    lost: boughtBefore - retained,
    /** Of the interactions in the period of members below the unprofitable line, the share that were self-service. */
    lowProfitSelfServiceShare: lowTouches > 0 ? (sums?.lowSelfService ?? 0) / lowTouches : null,
    drill: isTier ? { by: 'tier', tier: segment as ClvTier } : { by: 'stage', stage: segment as LoyaltyStage },
  };
}

/** Rounds each share to the cent and gives what rounding lost or gained to the largest share, so the parts add up to `total`. */
export function shareOut(shares: Map<string, number>, total: number): Map<string, number> {
  const rounded = new Map([...shares].map(([key, share]) => [key, Math.round(share)]));
  const largest = [...shares].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0];
  const remainder = total - [...rounded.values()].reduce((sum, value) => sum + value, 0);
  if (largest) rounded.set(largest[0], rounded.get(largest[0])! + remainder);
  return rounded;
}

async function channelRows(db: Db, period: ProfitPeriod): Promise<ChannelRow[]> {
  const sums = await channelSums(db, period);
  const serve = await costToServeByChannel(db, period);
  const shares = new Map<string, number>();
  for (const { channel, share } of serve.shares) shares.set(channel, (shares.get(channel) ?? 0) + share);
  const serveByChannel = shareOut(shares, serve.total);
  const channels = new Set([...sums.map((row) => row.channel), ...serveByChannel.keys()]);
  return [...channels]
    .map((channel) => {
      const row = sums.find((sum) => sum.channel === channel);
      const revenueCents = row?.revenue ?? 0;
      const channelCostCents = row?.channelCost ?? 0;
      const productCostCents = row?.productCost ?? 0;
      const costToServeCents = serveByChannel.get(channel) ?? 0;
      return {
        /** The purchases' channel; those recorded without one are "unknown"; the cost to serve of customers who bought nothing in the period has its own row. */
        channel: channel === noPurchaseChannel ? 'no purchase in the period' : channel === '' ? 'unknown' : channel,
        /** Net: sales and closings less discounts, refunds taken off. */
        purchases: row?.purchases ?? 0,
        revenueCents,
        channelCostCents,
        productCostCents,
        /** Each customer's cost to serve shared by their net revenue through each channel (by purchases without net revenue). */
        costToServeCents,
        /** Net revenue − channel cost − product cost − cost to serve. */
        profitCents: revenueCents - channelCostCents - productCostCents - costToServeCents,
        drill: { by: 'channel' as const, channel },
      };
    })
    // The row of those who bought nothing comes last: it is no channel.
    .sort((a, b) => Number(a.drill.channel === noPurchaseChannel) - Number(b.drill.channel === noPurchaseChannel) || b.revenueCents - a.revenueCents || a.channel.localeCompare(b.channel));
}

/** Net revenue and profit (admin cost left out: it is yearly, not per quarter), buyers, and the ladder at each quarter's end. */
async function quarterRows(db: Db, today: string, ladderToday: Ladder): Promise<QuarterRow[]> {
  const quarters = lastQuarters(today);
  const { money, serve } = await quarterSums(db, quarters);
  const moves = await ladderAtQuarterEnds(db, quarters);
  const current = quarters.at(-1)!.quarter;
  return quarters.map(({ quarter }) => {
    const row = money.find((sum) => sum.quarter === quarter);
    const served = serve.find((sum) => sum.quarter === quarter)?.serve ?? 0;
    const ladder = emptyLadder();
    for (const move of moves) if (move.quarter === quarter) ladder[move.stage] = move.count;
    const revenueCents = row?.revenue ?? 0;
    return {
      quarter,
      revenueCents,
      profitCents: revenueCents - (row?.costs ?? 0) - served,
      customers: row?.customers ?? 0,
      ladder: quarter === current ? ladderToday : ladder,
    };
  });
}

/** The first day of all time: the earliest day anyone on the P&L bought or was added (today when nobody is). */
async function allTimeStart(db: Db, today: string): Promise<string> {
  const { purchasedOn, addedAt } = await earliestStarts(db);
  const addedOn = addedAt === null ? today : localMoment(Date.parse(addedAt)).date;
  return [addedOn, purchasedOn ?? today, today].sort()[0]!;
}

/** The figures every period shows alike: customers, the ladder, the CLV bins and the last eight quarters. */
export type CommonFigures = Pick<StoredOverview, 'customers' | 'ladder' | 'clvBins' | 'quarters'>;

export async function commonFigures(db: Db, today: string): Promise<CommonFigures> {
  const { customers, stages: stageCounts } = await customersAndLadder(db);
  const ladder = emptyLadder();
  for (const { stage, count } of stageCounts) ladder[stage] = count;
  return { customers, ladder, clvBins: await clvBins(db), quarters: await quarterRows(db, today, ladder) };
}

/** Every figure of the Insights view for one period, from the snapshot just written. */
export async function buildOverview(db: Db, period: ProfitPeriod, today: string, settings: Settings, common: CommonFigures): Promise<StoredOverview> {
  const span = periodSpan(period, today);
  const sums = await segmentSums(db, period, settings.unprofitableBelowCents);
  return {
    period,
    from: period === 'all_time' ? await allTimeStart(db, today) : span.from,
    to: span.to,
    currency: settings.currency,
    customers: common.customers,
    ladder: common.ladder,
    clvBins: common.clvBins,
    segments: [...tiers, ...stages].map((segment) => segmentRow(segment, sums.find((row) => row.segment === segment))),
    channels: await channelRows(db, period),
    quarters: common.quarters,
    unprofitableCustomers: await unprofitableCount(db, period, settings.unprofitableBelowCents),
  };
}

/** The overview before the first recompute: the period's days and nothing counted yet. */
export function emptyOverview(period: ProfitPeriod, today: string, currency: string): StoredOverview {
  const span = periodSpan(period, today);
  return {
    period,
    from: period === 'all_time' ? today : span.from,
    to: span.to,
    currency,
    customers: 0,
    ladder: emptyLadder(),
    clvBins: [],
    segments: [...tiers, ...stages].map((segment) => segmentRow(segment, undefined)),
    channels: [],
    quarters: [],
    unprofitableCustomers: 0,
  };
}
