import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';

export const duplicatesEvents = {
  /** A merge or its undo committed (contacts.changed, history and follow-ups events name what moved too). */
  'duplicates.changed': z.object({ mergeId: z.string(), reason: z.enum(['merged', 'undone']) }),
} as const satisfies EventSlice;
