import { z } from 'zod';
import { LocalDate } from '../calendar/local-date.ts';
import { Tag } from '../contacts/contacts.schemas.ts';
import { FollowupKind } from '../followups/followups.schemas.ts';
import { InteractionKind } from '../history/history.schemas.ts';

/** A step's kind: a follow-up kind, or "reach out", which becomes the contact's preferred channel when the plan starts. */
export const PlanStepKind = z.enum([...FollowupKind.options, 'reach_out'], { error: 'Choose what kind of step this is.' });
export type PlanStepKind = z.infer<typeof PlanStepKind>;

/** How long after the plan's anchor date a step falls due, counted on calendar dates (31 Jan + 1 month = 28/29 Feb). */
export const StepOffset = z.object({
  amount: z
    .number({ error: 'Enter the offset as a whole number.' })
    .int({ error: 'The offset must be a whole number.' })
    .min(0, { error: 'A step cannot fall before the anchor date.' })
    .max(3650, { error: 'At most 3,650 days (10 years) after the anchor date.' }),
  unit: z.enum(['days', 'weeks', 'months', 'years'], { error: 'Choose days, weeks, months or years.' }),
});
export type StepOffset = z.infer<typeof StepOffset>;

/** The placeholders a title or prompt may use; any other `{name}` is refused when the plan is saved. */
export const promptPlaceholders = ['firstName', 'lastName', 'displayName', 'company', 'city', 'anchorDate', 'lastInteraction', 'planName'] as const;

export const PlanStep = z.object({
  offset: StepOffset,
  kind: PlanStepKind,
  title: z.string().trim().min(1, { error: 'Enter what to do in this step.' }).max(200, { error: 'Keep the title under 200 characters.' }),
  /** What to write or say; placeholders like {firstName} are filled when the follow-up is made. */
  prompt: z.string().trim().max(5_000, { error: 'Keep the prompt under 5,000 characters.' }).default(''),
});
export type PlanStep = z.output<typeof PlanStep>;

/** What starts a plan by itself. An interaction trigger needs a kind, a reason, or both. */
export const PlanTrigger = z.discriminatedUnion(
  'on',
  [
    z.object({
      on: z.literal('interaction'),
      interactionKind: InteractionKind.nullable().default(null),
      /** A reason tag on the interaction, matched without regard to case ("rates"). */
      reason: z.string().trim().max(60, { error: 'Keep the reason under 60 characters.' }).nullable().default(null),
    }),
    z.object({ on: z.literal('contact_tagged'), tag: Tag }),
    /** A purchase recorded (the commerce issue fires it): the customer's first, any sale, or a home closing. */
    z.object({ on: z.literal('purchase'), purchaseKind: z.enum(['first_purchase', 'sale', 'closing']) }),
  ],
  { error: 'Choose what starts this plan.' },
);
export type PlanTrigger = z.output<typeof PlanTrigger>;

export const PlanFields = z.object({
  name: z.string().trim().min(1, { error: 'Give the plan a name.' }).max(100, { error: 'Keep the name under 100 characters.' }),
  description: z.string().trim().max(1_000, { error: 'Keep the description under 1,000 characters.' }).default(''),
  /** A plan switched off is never started by a trigger, nor by hand. */
  enabled: z.boolean().default(true),
  /** A step that falls on a Saturday or Sunday moves to the Monday after. */
  skipWeekends: z.boolean().default(false),
  triggers: z.array(PlanTrigger).max(10, { error: 'Up to 10 triggers.' }).default([]),
  steps: z.array(PlanStep).min(1, { error: 'A plan needs at least one step.' }).max(30, { error: 'Up to 30 steps.' }),
});
export type PlanFields = z.output<typeof PlanFields>;
export type PlanFieldsInput = z.input<typeof PlanFields>;

export const PlanId = z.uuid({ error: 'That is not a plan id.' });

export const Plan = PlanFields.extend({
  id: z.string(),
  /** Which built-in plan this is (home_closing, new_customer_welcome, rate_inquiry, complaint_recovery), or null for the user's own. */
  builtIn: z.string().nullable(),
  /** Runs of it still open. */
  running: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

export const UpdatePlan = z.object({ id: PlanId, expectedUpdatedAt: z.string().min(1), fields: PlanFields });
export const SetPlanEnabled = z.object({ id: PlanId, enabled: z.boolean() });

export const StartPlan = z.object({
  planId: PlanId,
  contactId: z.uuid({ error: 'That is not a contact id.' }),
  /** The day the plan counts from (the closing, the first purchase); today when left out. */
  anchorDate: LocalDate.optional(),
});
export type StartPlan = z.output<typeof StartPlan>;

/** One step as it will be (or was) made into a follow-up. */
export const PlannedStep = z.object({
  index: z.number().int(),
  /** The follow-up kind after "reach out" became the contact's preferred channel. */
  kind: FollowupKind,
  title: z.string(),
  /** The prompt with its placeholders filled. */
  prompt: z.string(),
  dueDate: z.string(),
  dueTime: z.string().nullable(),
});
export type PlannedStep = z.infer<typeof PlannedStep>;

export const PlanPreview = z.object({
  planId: z.string(),
  planName: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  anchorDate: z.string(),
  steps: z.array(PlannedStep),
  /** What the user should know before starting, e.g. the contact is marked "do not contact automatically", or the plan already runs for them. */
  notes: z.array(z.string()),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

export const RunStepState = z.enum(['open', 'done', 'skipped', 'cancelled']);

export const PlanRun = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  anchorDate: z.string(),
  startedAt: z.string(),
  /** By hand, or the trigger that started it, in words ("inquiry with reason “rates”"). */
  startedBy: z.string(),
  status: z.enum(['running', 'finished', 'cancelled']),
  cancelledAt: z.string().nullable(),
  steps: z.array(PlannedStep.extend({ followupId: z.string().nullable(), state: RunStepState })),
  /** Steps done or skipped, of all. */
  done: z.number().int(),
  total: z.number().int(),
});
export type PlanRun = z.infer<typeof PlanRun>;

export const ListRuns = z.object({
  contactId: z.uuid({ error: 'That is not a contact id.' }).optional(),
  status: z.enum(['running', 'finished', 'cancelled']).optional(),
});

export const CancelRun = z.object({ runId: z.uuid({ error: 'That is not a running plan.' }) });

/** A touch a trigger would have started but the cap on automatic touches held back: listed, never dropped silently. */
export const HeldBackTouch = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  planId: z.string(),
  planName: z.string(),
  stepTitle: z.string(),
  dueDate: z.string(),
  /** Why, in words ("3 automatic touches in the last 30 days already"). */
  reason: z.string(),
  heldAt: z.string(),
});
export type HeldBackTouch = z.infer<typeof HeldBackTouch>;
