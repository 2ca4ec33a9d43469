import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';

/** Pushed after a history write commits, naming the contacts whose timeline changed. */
export const historyEvents = {
  'history.changed': z.object({ contactIds: z.array(z.string()), reason: z.enum(['logged', 'updated', 'deleted', 'restored', 'seeded']) }),
} as const satisfies EventSlice;
