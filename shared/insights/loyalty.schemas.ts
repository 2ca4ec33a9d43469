import { z } from 'zod';
import { LocalDate } from '../calendar/local-date.ts';

const ContactId = z.uuid({ error: 'That is not a contact id.' });

/** The loyalty ladder, bottom to top. */
export const LoyaltyStage = z.enum(['detractor', 'at_risk', 'movable', 'ambassador'], { error: 'Choose detractor, at risk, movable or ambassador.' });
export type LoyaltyStage = z.infer<typeof LoyaltyStage>;

/** "Likelihood to recommend", 0–10, on a date. */
export const RecordScore = z.object({
  contactId: ContactId,
  score: z
    .number({ error: 'Enter a likelihood to recommend from 0 to 10.' })
    .int({ error: 'The likelihood to recommend is a whole number from 0 to 10.' })
    .min(0, { error: 'The likelihood to recommend runs from 0 to 10.' })
    .max(10, { error: 'The likelihood to recommend runs from 0 to 10.' }),
  scoredOn: LocalDate,
  comment: z.string().trim().max(1_000, { error: 'Keep the comment under 1,000 characters.' }).default(''),
});

export type RecordScore = z.output<typeof RecordScore>;
export const Score = z.object({ id: z.string(), contactId: z.string(), score: z.number().int(), scoredOn: z.string(), comment: z.string(), createdAt: z.string() });
export type Score = z.infer<typeof Score>;

/** A stage set by hand, with why; stage null gives the contact back to the rules. */
export const OverrideStage = z.object({
  contactId: ContactId,
  stage: LoyaltyStage.nullable(),
  reason: z.string().trim().max(300, { error: 'Keep the reason under 300 characters.' }).default(''),
}).refine((input) => input.stage === null || input.reason !== '', { error: 'Say why you are setting the stage by hand.', path: ['reason'] });

export type OverrideStage = z.output<typeof OverrideStage>;
export const LoyaltyMove = z.object({
  id: z.string(),
  contactId: z.string(),
  movedAt: z.string(),
  movedOn: z.string(),
  from: LoyaltyStage.nullable(),
  /** Null: the contact left the ladder (no purchases or evidence any more). */
  to: LoyaltyStage.nullable(),
  source: z.enum(['rules', 'override']),
  reason: z.string(),
});
export type LoyaltyMove = z.infer<typeof LoyaltyMove>;

/** Where a contact stands, why, and what the app suggests. */
export const LoyaltyStanding = z.object({
  contactId: z.string(),
  /** Null: not a customer yet and no evidence either way. */
  stage: LoyaltyStage.nullable(),
  /** Why, in words ("scored 4 on 2026-11-02", "first purchase 12 days ago"). */
  reason: z.string(),
  source: z.enum(['rules', 'override']),
  /** What the rules would say without the override. */
  ruleStage: LoyaltyStage.nullable(),
  ruleReason: z.string(),
  override: z.object({ stage: LoyaltyStage, reason: z.string(), setAt: z.string() }).nullable(),
  latestScore: Score.nullable(),
  scores: z.array(Score),
  moves: z.array(LoyaltyMove),
  /** A detractor without Complaint recovery running: the plan to start. */
  suggestedPlan: z.object({ planId: z.string(), name: z.string() }).nullable(),
});
export type LoyaltyStanding = z.infer<typeof LoyaltyStanding>;

export const ByContact = z.object({ contactId: ContactId });
