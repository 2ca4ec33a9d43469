import type { FieldLabels } from '../api/slices.ts';

export const duplicatesFieldLabels = {
  keepId: 'Contact to keep',
  mergeId: 'Contact to merge',
  limit: 'How many',
  contactId: 'Contact',
} as const satisfies FieldLabels;
