import type { FollowupKind } from './followups.schemas.ts';
import type { FieldLabels } from '../api/slices.ts';

/** The Add follow-up form's fields as the user knows them. */
export const followupsFieldLabels = {
  contactId: 'Contact',
  kind: 'Follow-up type',
  title: 'Title',
  dueDate: 'Due date',
  dueTime: 'Time',
  prompt: 'Prompt',
  recurrence: 'Repeat',
  outcome: 'Outcome',
  until: 'Snooze until',
  upcomingDays: 'Upcoming days',
  id: 'Follow-up',
  ids: 'Follow-ups',
  due: 'Due',
  to: 'Calendar file',
} as const satisfies FieldLabels;

/** Each follow-up kind in words, for notifications and calendar events (the form's select says "Other" for other). */
export const followupKindNames: Readonly<Record<FollowupKind, string>> = {
  handwritten_note: 'Handwritten note',
  card: 'Card',
  thank_you_call: 'Thank-you call',
  gift: 'Gift',
  call: 'Call',
  email: 'Email',
  text: 'Text message',
  visit: 'Visit',
  other: 'Follow-up',
};
