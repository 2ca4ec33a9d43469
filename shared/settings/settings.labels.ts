import type { FieldLabels } from '../api/slices.ts';

export const settingsFieldLabels = {
  currency: 'Currency',
  hourlyCostCents: 'Hourly cost',
  minutesByKind: 'Minutes per kind',
  hours: 'Times of day',
} as const satisfies FieldLabels;
