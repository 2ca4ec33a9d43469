import type { FollowupFields } from '../../../shared/followups/followups.schemas.ts';

/**
 * The follow-ups "Load sample data" plans, each for the next sample person and
 * due `inDays` from today: some overdue, some today, some upcoming, so a
 * newcomer's Today view shows every section.
 */
export const sampleFollowups: Array<{ inDays: number; fields: FollowupFields }> = [
  {
    inDays: -2,
    fields: {
      kind: 'handwritten_note',
      title: 'Thank-you note after the closing',
      dueDate: '',
      dueTime: null,
      prompt: 'Thank them for trusting us with the sale; mention the garden they loved.',
      recurrence: null,
    },
  },
  { inDays: -1, fields: { kind: 'thank_you_call', title: 'Thank-you call for the referral', dueDate: '', dueTime: null, prompt: 'Ask how the new place is working out.', recurrence: null } },
  { inDays: 0, fields: { kind: 'gift', title: 'Housewarming gift', dueDate: '', dueTime: null, prompt: 'A potted olive tree; card: "Welcome home!"', recurrence: null } },
  { inDays: 0, fields: { kind: 'call', title: 'Call about the renewal', dueDate: '', dueTime: '15:00', prompt: 'Rates went down; offer to review their plan.', recurrence: null } },
  { inDays: 3, fields: { kind: 'email', title: 'Send the market report', dueDate: '', dueTime: null, prompt: '', recurrence: { every: 3, unit: 'months' } } },
  { inDays: 30, fields: { kind: 'call', title: 'One-month check-in call', dueDate: '', dueTime: null, prompt: 'Anything that needs fixing since the move?', recurrence: null } },
];
