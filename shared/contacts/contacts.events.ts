import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';

/** Pushed after a contacts write commits, naming the contacts whose list row or page changed. */
export const contactsEvents = {
  'contacts.changed': z.object({ ids: z.array(z.string()), reason: z.enum(['created', 'updated', 'deleted', 'restored', 'seeded', 'imported', 'merged']) }),
} as const satisfies EventSlice;
