import { z } from 'zod';
import { Instant } from '../calendar/local-date.ts';

export const InteractionKind = z.enum(
  ['call', 'email', 'meeting', 'visit', 'handwritten_note', 'gift', 'text_message', 'note', 'complaint', 'referral', 'inquiry', 'self_service'],
  { error: 'Choose what kind of interaction this was.' },
);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const Direction = z.enum(['inbound', 'outbound'], { error: 'Choose inbound or outbound.' });
export type Direction = z.infer<typeof Direction>;

export const InteractionChannel = z.enum(['email', 'phone', 'sms', 'mail', 'in_person', 'web'], {
  error: 'Choose email, phone, SMS, mail, in person or web.',
});
export type InteractionChannel = z.infer<typeof InteractionChannel>;

const Reason = z.string().trim().min(1, { error: 'A reason cannot be empty.' }).max(60, { error: 'Keep each reason under 60 characters.' });

/** What the user records about one interaction; the shape shared by log and update. */
export const InteractionFields = z.object({
  kind: InteractionKind,
  direction: Direction.default('outbound'),
  /** Null: the contact's preferred channel, or none. */
  channel: InteractionChannel.nullable().default(null),
  /** When it happened. The core refuses times more than a day ahead (plan those as follow-ups). */
  occurredAt: Instant,
  summary: z.string().trim().max(5_000, { error: 'Keep the summary under 5,000 characters.' }).default(''),
  reasons: z.array(Reason).max(20, { error: 'Up to 20 reasons.' }).default([]),
  outcome: z.string().trim().max(1_000, { error: 'Keep the outcome under 1,000 characters.' }).default(''),
  /** Minutes spent; null takes the default for the kind from settings. */
  minutes: z.number().int({ error: 'Minutes must be a whole number.' }).min(0, { error: 'Minutes cannot be negative.' }).max(24 * 60, { error: 'At most 1,440 minutes (a day).' }).nullable().default(null),
  /** Money spent, e.g. a gift's price, in cents. */
  costCents: z.number().int({ error: 'Enter the cost in whole cents.' }).min(0, { error: 'The cost cannot be negative.' }).max(100_000_000, { error: 'That cost is too large.' }).default(0),
  /** For a referral: the contact who referred. */
  referredById: z.uuid({ error: 'Choose who referred them from your contacts.' }).nullable().default(null),
});
export type InteractionFields = z.output<typeof InteractionFields>;

export const LogInteraction = InteractionFields.extend({ contactId: z.uuid({ error: 'That is not a contact id.' }) });
export type LogInteraction = z.output<typeof LogInteraction>;

export const UpdateInteraction = z.object({
  id: z.uuid({ error: 'That is not an interaction id.' }),
  expectedUpdatedAt: z.string().min(1),
  fields: InteractionFields,
});

export const Interaction = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: InteractionKind,
  direction: Direction,
  channel: InteractionChannel.nullable(),
  occurredAt: z.string(),
  summary: z.string(),
  reasons: z.array(z.string()),
  outcome: z.string(),
  /** Filled in: the user's minutes, or the kind's default. */
  minutes: z.number().int(),
  costCents: z.number().int(),
  /** minutes × hourly cost + money spent, in cents, at the time it was logged. */
  costToServeCents: z.number().int(),
  referredById: z.string().nullable(),
  /** The follow-up whose Mark done logged it, if any. */
  followupId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Interaction = z.infer<typeof Interaction>;

export const TimelineQuery = z.object({
  contactId: z.uuid({ error: 'That is not a contact id.' }),
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** One contact's history, newest first. */
export const TimelinePage = z.object({
  items: z.array(Interaction),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

export const SearchHistoryQuery = z.object({
  query: z
    .string()
    .max(200, { error: 'Search for at most 200 characters.' })
    .transform((query) => query.replace(/\p{Cs}/gu, '')),
  limit: z.number().int().min(1).max(50).default(20),
});

/** An interaction found by words in its summary, outcome or reasons, and where they matched. */
export const HistoryHit = z.object({
  interaction: Interaction,
  contactName: z.string(),
  matchedIn: z.enum(['summary', 'outcome', 'reasons']),
  /** A short piece of the matching text around the words found. */
  snippet: z.string(),
});
export type HistoryHit = z.infer<typeof HistoryHit>;
