import { z } from 'zod';
import { LocalDate, LocalTime } from '../calendar/local-date.ts';
import { PreferredChannel, PreferredTime } from '../contacts/contacts.schemas.ts';
import { Interaction } from '../history/history.schemas.ts';

export const FollowupKind = z.enum(['handwritten_note', 'card', 'thank_you_call', 'gift', 'call', 'email', 'text', 'visit', 'other'], {
  error: 'Choose what kind of follow-up this is.',
});
export type FollowupKind = z.infer<typeof FollowupKind>;

export const FollowupStatus = z.enum(['open', 'done', 'skipped']);
export type FollowupStatus = z.infer<typeof FollowupStatus>;

/** Every N days, weeks, months or years, counted on calendar dates (31 Jan + 1 month = 28/29 Feb). */
export const Recurrence = z.object({
  every: z.number().int({ error: 'Repeat every whole number of days, weeks, months or years.' }).min(1, { error: 'Repeat at least every 1.' }).max(1_000, { error: 'Repeat at most every 1,000.' }),
  unit: z.enum(['days', 'weeks', 'months', 'years'], { error: 'Choose days, weeks, months or years.' }),
});
export type Recurrence = z.infer<typeof Recurrence>;

/** What the user sets on a follow-up; the shape shared by create and update. */
export const FollowupFields = z.object({
  kind: FollowupKind,
  title: z.string().trim().min(1, { error: 'Enter what to do.' }).max(200, { error: 'Keep the title under 200 characters.' }),
  dueDate: LocalDate,
  dueTime: LocalTime.nullable().default(null),
  /** What to write or say. */
  prompt: z.string().trim().max(5_000, { error: 'Keep the prompt under 5,000 characters.' }).default(''),
  recurrence: Recurrence.nullable().default(null),
});
export type FollowupFields = z.output<typeof FollowupFields>;

export const NewFollowup = FollowupFields.extend({ contactId: z.uuid({ error: 'That is not a contact id.' }) });
export type NewFollowup = z.output<typeof NewFollowup>;

const FollowupId = z.uuid({ error: 'That is not a follow-up id.' });

export const UpdateFollowup = z.object({ id: FollowupId, expectedUpdatedAt: z.string().min(1), fields: FollowupFields });
export type UpdateFollowup = z.output<typeof UpdateFollowup>;

export const Followup = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: FollowupKind,
  title: z.string(),
  dueDate: z.string(),
  dueTime: z.string().nullable(),
  prompt: z.string(),
  recurrence: Recurrence.nullable(),
  status: FollowupStatus,
  /** Set when it was snoozed: the due date it had before. */
  snoozedFrom: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The history entry its Mark done logged. */
  interactionId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Followup = z.infer<typeof Followup>;

export const ListFollowupsQuery = z.object({
  contactId: z.uuid({ error: 'That is not a contact id.' }),
  status: FollowupStatus.optional(),
});

export const CompleteFollowup = z.object({
  id: FollowupId,
  /** What came of it; goes into the history entry. */
  outcome: z.string().trim().max(1_000, { error: 'Keep the outcome under 1,000 characters.' }).default(''),
});
export type CompleteFollowup = z.output<typeof CompleteFollowup>;

/** Mark done: the follow-up, the history entry it logged, and the next one when it recurs. */
export const Completed = z.object({ followup: Followup, interaction: Interaction, next: Followup.nullable() });
export type Completed = z.infer<typeof Completed>;

export const SnoozeFollowup = z.object({ id: FollowupId, until: LocalDate });
export type SnoozeFollowup = z.output<typeof SnoozeFollowup>;

/** The contact as Today shows them: enough to write a good note without opening anything. */
export const TodayContact = z.object({
  id: z.string(),
  displayName: z.string(),
  preferredChannel: PreferredChannel.nullable(),
  preferredTime: PreferredTime.nullable(),
  lastInteractionAt: z.string().nullable(),
  /** Their last three interactions, newest first. */
  recent: z.array(Interaction),
});
export type TodayContact = z.infer<typeof TodayContact>;

export const TodayItem = z.object({ followup: Followup, contact: TodayContact });
export type TodayItem = z.infer<typeof TodayItem>;

export const LosingTouchItem = z.object({ contact: TodayContact, keepInTouchDays: z.number().int(), daysSince: z.number().int().nullable() });
export type LosingTouchItem = z.infer<typeof LosingTouchItem>;

export const TodayQuery = z.object({ upcomingDays: z.number().int().min(1).max(60).default(7) });

export const TodayView = z.object({
  /** The local date the view was made for. */
  today: z.string(),
  overdue: z.array(TodayItem),
  dueToday: z.array(TodayItem),
  upcoming: z.array(TodayItem),
  losingTouch: z.array(LosingTouchItem),
});
export type TodayView = z.infer<typeof TodayView>;

/** For the sidebar's Today link. */
export const DueCounts = z.object({ overdue: z.number().int(), today: z.number().int() });
export type DueCounts = z.infer<typeof DueCounts>;

/** One follow-up announced as due. */
export const DueNotice = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  kind: FollowupKind,
  title: z.string(),
  dueDate: z.string(),
  dueTime: z.string().nullable(),
});
export type DueNotice = z.infer<typeof DueNotice>;

/** A handwritten note or card, ready to print: the filled prompt and the envelope. */
export const NoteCard = z.object({
  followupId: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  kind: FollowupKind,
  title: z.string(),
  /** The card's text: the follow-up's prompt (placeholders already filled when it was made). */
  prompt: z.string(),
  dueDate: z.string(),
  /** The envelope's lines (name, street, city with region and postal code, country), or null when the contact has no postal address. */
  envelope: z.array(z.string()).nullable(),
});
export type NoteCard = z.infer<typeof NoteCard>;

export const CardsQuery = z.union([
  z.object({ ids: z.array(FollowupId).min(1).max(500) }),
  /** Every open handwritten-note and card follow-up due today or overdue. */
  z.object({ due: z.literal(true) }),
]);
export type CardsQuery = z.output<typeof CardsQuery>;

export const CalendarExport = z.object({
  /** One contact's open follow-ups; everyone's when left out. */
  contactId: z.uuid({ error: 'That is not a contact id.' }).optional(),
  /** A file the user chose (Electron's save dialog, the CLI); the exports folder when left out. */
  to: z.string().trim().min(1).max(4096).optional(),
});
export type CalendarExport = z.output<typeof CalendarExport>;

export const CalendarFile = z.object({
  path: z.string(),
  fileName: z.string(),
  /** Events written: one per open follow-up. */
  events: z.number().int(),
  sizeBytes: z.number().int(),
});
export type CalendarFile = z.infer<typeof CalendarFile>;
