import type { FieldLabels } from '../api/slices.ts';

export const settingsFieldLabels = {
  currency: 'Currency',
  hourlyCostCents: 'Hourly cost',
  minutesByKind: 'Minutes per kind',
  hours: 'Times of day',
  automaticTouchesPer30Days: 'Automatic touches per 30 days',
  adminCostPerCustomerPerYearCents: 'Administrative cost per customer per year',
  unprofitableBelowCents: 'Unprofitable below',
  clvAnnualDiscountRate: 'Yearly discount rate',
  clvTiers: 'CLV tiers',
  loyalty: 'Loyalty ladder rules',
} as const satisfies FieldLabels;
