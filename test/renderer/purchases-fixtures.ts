import type { Purchase } from '../../shared/commerce/commerce.schemas.ts';
import type { CustomerInsight, CustomerValue, ProfitAndLoss } from '../../shared/insights/insights.schemas.ts';
import type { LoyaltyMove, LoyaltyStanding, Score } from '../../shared/insights/loyalty.schemas.ts';
import { contactId } from './fake-bridge.ts';

export function purchaseId(n: number): string {
  return `00000000-0000-4000-a500-${String(n).padStart(12, '0')}`;
}

export function purchase(n: number, change: Partial<Purchase> = {}): Purchase {
  const grossCents = change.grossCents ?? 12_000;
  const discountCents = change.discountCents ?? 0;
  return {
    id: purchaseId(n),
    contactId: contactId(1),
    kind: 'sale',
    occurredOn: `2026-11-${String(n).padStart(2, '0')}`,
    description: `Order ${n}`,
    grossCents,
    discountCents,
    discountReason: '',
    productCostCents: 4_000,
    channel: 'store',
    channelCostCents: 0,
    netCents: grossCents - discountCents,
    orderRef: null,
    importBatchId: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: `2026-11-01T09:00:00.${String(n).padStart(3, '0')}Z`,
    deletedAt: null,
    ...change,
  };
}

export function profit(change: Partial<ProfitAndLoss> = {}): ProfitAndLoss {
  return {
    contactId: contactId(1),
    period: 'last_12_months',
    from: '2025-12-03',
    to: '2026-12-02',
    revenueCents: 123_456,
    allowancesCents: 2_500,
    productCostCents: 40_000,
    channelCostCents: 1_250,
    costToServeCents: 9_875,
    adminCostCents: 5_000,
    profitCents: 64_831,
    unprofitable: false,
    ...change,
  };
}

export function customerValue(change: Partial<CustomerValue> = {}): CustomerValue {
  return {
    contactId: contactId(1),
    computedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    purchases: 7,
    firstPurchaseOn: '2025-01-10',
    lastPurchaseOn: '2026-11-20',
    historicalCents: 345_600,
    expectedPurchases: 2.4,
    expectedSpendCents: 28_800,
    pAlive: 0.87,
    predictedClvCents: 98_700,
    tier: 'top',
    model: 'bgnbd',
    modelReason: 'BG/NBD + Gamma-Gamma: 312 repeat customers of 1,000.',
    ...change,
  };
}

export function insight(change: { profit?: Partial<ProfitAndLoss>; value?: CustomerValue | null } = {}): CustomerInsight {
  return { profit: profit(change.profit), value: change.value === undefined ? customerValue() : change.value };
}

export function score(change: Partial<Score> = {}): Score {
  return { id: 's1', contactId: contactId(1), score: 8, scoredOn: '2026-11-02', comment: '', createdAt: '2026-11-02T10:00:00.000Z', ...change };
}

export function move(n: number, change: Partial<LoyaltyMove> = {}): LoyaltyMove {
  return {
    id: `m${n}`,
    contactId: contactId(1),
    movedAt: `2026-0${n}-01T10:00:00.000Z`,
    movedOn: `2026-0${n}-01`,
    from: null,
    to: 'at_risk',
    source: 'rules',
    reason: 'first purchase 12 days ago',
    ...change,
  };
}

export function standing(change: Partial<LoyaltyStanding> = {}): LoyaltyStanding {
  return {
    contactId: contactId(1),
    stage: 'movable',
    reason: 'bought 20 days ago, steady rhythm',
    source: 'rules',
    ruleStage: 'movable',
    ruleReason: 'bought 20 days ago, steady rhythm',
    override: null,
    latestScore: score(),
    scores: [score()],
    moves: [move(1), move(2, { from: 'at_risk', to: 'movable', reason: 'a second purchase' })],
    suggestedPlan: null,
    ...change,
  };
}
