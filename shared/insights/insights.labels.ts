import type { FieldLabels } from '../api/slices.ts';
import type { ClvTier } from './insights.schemas.ts';
import type { LoyaltyStage } from './loyalty.schemas.ts';

export const insightsFieldLabels = {
  contactId: 'Contact',
  period: 'Period',
  sort: 'Sort',
  direction: 'Order',
  drill: 'Figure',
  offset: 'Row',
  limit: 'Page size',
  table: 'Table',
  to: 'Save to',
  score: 'Likelihood to recommend',
  scoredOn: 'Date',
  comment: 'Comment',
  stage: 'Stage',
  reason: 'Reason',
} as const satisfies FieldLabels;

/** The ladder's stages as the user reads them. */
export const loyaltyStageNames: Record<LoyaltyStage, string> = {
  detractor: 'Detractor',
  at_risk: 'At risk',
  movable: 'Movable',
  ambassador: 'Ambassador',
};

export const clvTierNames: Record<ClvTier, string> = { top: 'Top customers', middle: 'Middle customers', rest: 'Other customers' };

export const profitPeriodNames = { this_year: 'This year', last_12_months: 'Last 12 months', all_time: 'All time' } as const;
