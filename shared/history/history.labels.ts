import type { FieldLabels } from '../api/slices.ts';

/** The Log interaction form's fields as the user knows them. */
export const historyFieldLabels = {
  contactId: 'Contact',
  kind: 'Kind',
  direction: 'Direction',
  channel: 'Channel',
  occurredAt: 'Date',
  summary: 'Summary',
  reasons: 'Reason',
  outcome: 'Outcome',
  minutes: 'Minutes',
  costCents: 'Cost',
  referredById: 'Referred by',
  query: 'Search',
  id: 'Interaction',
} as const satisfies FieldLabels;
