import type { FieldLabels } from '../api/slices.ts';

export const plansFieldLabels = {
  name: 'Plan name',
  description: 'Description',
  enabled: 'Switched on',
  skipWeekends: 'Skip weekends',
  triggers: 'Starts when',
  steps: 'Steps',
  planId: 'Plan',
  contactId: 'Contact',
  anchorDate: 'Anchor date',
  runId: 'Running plan',
  id: 'Plan',
  expectedUpdatedAt: 'Plan',
  fields: 'Plan',
  status: 'Status',
} as const satisfies FieldLabels;
