import { z } from 'zod';
import type { EventSlice } from '../api/slices.ts';
import { LoyaltyStage } from './loyalty.schemas.ts';

export const insightsEvents = {
  /** The background recompute's progress: the phase in words and how far it is. */
  'insights.progress': z.object({ phase: z.string(), done: z.number().int(), total: z.number().int() }),
  /** New figures are in: every view of them reloads. */
  'insights.changed': z.object({ computedAt: z.string(), customers: z.number().int() }),
  /** A score was recorded, a stage set by hand, or the rules moved contacts on the ladder. */
  'loyalty.changed': z.object({
    contactIds: z.array(z.string()),
    reason: z.enum(['scored', 'overridden', 'moved']),
    /** For a move: where each contact went (same order as contactIds). */
    stages: z.array(LoyaltyStage.nullable()).optional(),
  }),
} as const satisfies EventSlice;
