import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';

export const commerceEvents = {
  /** Purchases were recorded, edited, put in the Trash, brought back, imported or un-imported. */
  'purchases.changed': z.object({
    ids: z.array(z.string()),
    contactIds: z.array(z.string()),
    reason: z.enum(['created', 'updated', 'deleted', 'restored', 'imported', 'import_undone', 'merged']),
  }),
  /** How far an import has got. */
  'purchases.importProgress': z.object({ done: z.number().int(), total: z.number().int() }),
} as const satisfies EventSlice;
