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
