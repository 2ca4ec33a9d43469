import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';

export const transferEvents = {
  /** A long import or export reports records done out of total. */
  'transfer.progress': z.object({ operation: z.enum(['import', 'export']), done: z.number().int(), total: z.number().int() }),
  /** An import landed or was undone (contacts.changed names the contacts too). */
  'transfer.changed': z.object({ batchId: z.string(), reason: z.enum(['imported', 'undone']) }),
} as const satisfies EventSlice;
