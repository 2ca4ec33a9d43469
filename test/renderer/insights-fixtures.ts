import type { InsightsOverview, ProfitTableRow, RecomputeStatus, SegmentRow } from '../../shared/insights/insights.schemas.ts';
import { contactId } from './fake-bridge.ts';

export const computedAt = new Date(Date.now() - 5 * 60_000).toISOString();

export function recomputeStatus(change: Partial<RecomputeStatus> = {}): RecomputeStatus {
  return {
    computedAt,
    running: false,
    stale: false,
    model: 'bgnbd',
    modelReason: 'BG/NBD + Gamma-Gamma: 412 repeat customers of 2,357',
    customers: 120,
    durationMs: 1_400,
    failure: null,
    ...change,
  };
}

function segment(segment: string, label: string, change: Partial<SegmentRow> = {}): SegmentRow {
  const drill: SegmentRow['drill'] = ['top', 'middle', 'rest'].includes(segment)
    ? { by: 'tier', tier: segment as 'top' | 'middle' | 'rest' }
    : { by: 'stage', stage: segment as 'detractor' | 'at_risk' | 'movable' | 'ambassador' };
  return {
    segment,
    label,
    customers: 10,
    averageProfitCents: 12_345,
    retentionRate: 0.75,
    turnoverAdjustedProfitCents: 9_259,
    turnoverRate: 0.25,
    lost: 2,
    lowProfitSelfServiceShare: 0.4,
    drill,
    ...change,
  };
}

/** An Insights view with something in every chart and table. */
export function overview(change: Partial<InsightsOverview> = {}): InsightsOverview {
  return {
    status: recomputeStatus(),
    period: 'last_12_months',
    from: '2025-12-03',
    to: '2026-12-02',
    currency: 'USD',
    customers: 120,
    ladder: { detractor: 12, at_risk: 30, movable: 50, ambassador: 28 },
    clvBins: [
      { fromCents: 0, toCents: 10_000, customers: 60 },
      { fromCents: 10_000, toCents: 50_000, customers: 45 },
      { fromCents: 50_000, toCents: null, customers: 15 },
    ],
    segments: [
      segment('at_risk', 'At risk', { customers: 30 }),
      segment('top', 'Top customers', { customers: 24, lost: 3 }),
      segment('middle', 'Middle customers', { customers: 36 }),
      segment('rest', 'Other customers', { customers: 60, retentionRate: null, turnoverAdjustedProfitCents: null }),
      segment('detractor', 'Detractor', { customers: 12 }),
    ],
    channels: [
      { channel: 'Store', purchases: 300, revenueCents: 4_500_000, channelCostCents: 0, productCostCents: 2_000_000, costToServeCents: 300_000, profitCents: 2_200_000, drill: { by: 'channel', channel: 'Store' } },
      { channel: 'Online', purchases: 120, revenueCents: 1_500_000, channelCostCents: 150_000, productCostCents: 700_000, costToServeCents: 90_000, profitCents: 560_000, drill: { by: 'channel', channel: 'Online' } },
    ],
    quarters: [
      { quarter: '2026-Q3', revenueCents: 1_500_000, profitCents: 600_000, customers: 70, ladder: { detractor: 10, at_risk: 25, movable: 45, ambassador: 20 } },
      { quarter: '2026-Q4', revenueCents: 900_000, profitCents: -20_000, customers: 40, ladder: { detractor: 12, at_risk: 30, movable: 50, ambassador: 28 } },
    ],
    unprofitableCustomers: 5,
    ...change,
  };
}

export function profitRow(n: number, change: Partial<ProfitTableRow> = {}): ProfitTableRow {
  return {
    contactId: contactId(n),
    displayName: `Customer ${n}`,
    revenueCents: 100_000 - n * 100,
    allowancesCents: 1_000,
    productCostCents: 40_000,
    channelCostCents: 2_000,
    costToServeCents: 3_000,
    adminCostCents: 2_400,
    profitCents: 51_600 - n * 100,
    unprofitable: false,
    predictedClvCents: 80_000,
    stage: 'movable',
    tier: 'top',
    ...change,
  };
}

/** `insights.customers` over `total` customers, answering any page. */
export function customersOf(total: number) {
  return ({ offset, limit }: { offset: number; limit: number }) => {
    const items = [];
    for (let n = offset; n < Math.min(total, offset + limit); n++) items.push(profitRow(n + 1));
    return { items, total, computedAt };
  };
}
