import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';

export const plansEvents = {
  /** A plan was created, edited, duplicated or switched on or off. */
  'plans.changed': z.object({ ids: z.array(z.string()), reason: z.enum(['created', 'updated', 'duplicated', 'enabled', 'disabled']) }),
  /** Runs started (by hand or a trigger), cancelled, or held back by the cap (followups.changed names the follow-ups too). */
  'plans.runsChanged': z.object({ runIds: z.array(z.string()), contactIds: z.array(z.string()), reason: z.enum(['started', 'triggered', 'cancelled', 'held_back']) }),
} as const satisfies EventSlice;
