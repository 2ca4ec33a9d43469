import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';
import { DueNotice } from './followups.schemas.ts';

export const followupsEvents = {
  /** Pushed after a follow-ups write commits. */
  'followups.changed': z.object({ ids: z.array(z.string()), contactIds: z.array(z.string()), reason: z.enum(['created', 'updated', 'completed', 'skipped', 'snoozed', 'deleted', 'restored', 'seeded']) }),
  /**
   * Follow-ups that fell due, each announced once ever. `missedWhileClosed` marks the
   * start-up digest of those that fell due while Ambassador was not running.
   */
  'followups.due': z.object({ items: z.array(DueNotice), missedWhileClosed: z.boolean() }),
} as const satisfies EventSlice;
