import type { FieldLabels } from '../api/slices.ts';

export const settingsFieldLabels = {
  currency: 'Currency',
  hourlyCostCents: 'Hourly cost',
  minutesByKind: 'Minutes per kind',
  hours: 'Times of day',
  automaticTouchesPer30Days: 'Automatic touches per 30 days',
} as const satisfies FieldLabels;
