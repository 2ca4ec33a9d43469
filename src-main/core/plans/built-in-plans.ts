import type { PlanFields } from '../../../shared/plans/plans.schemas.ts';

// The plans every business starts with, editable like the user's own. Frozen
// data: fixed ids and one fixed time, so the list shows the same plan before
// and after the first write stores it (see ensureBuiltInPlans). They are not
// seeded by the migration: a fresh database stays empty, and a JSON export
// loads only into an empty one.

export type BuiltInPlan = { builtIn: string; id: string; fields: PlanFields };

/** When the built-in plans were written: their createdAt and updatedAt until edited. */
export const builtInSince = '2026-12-01T00:00:00.000Z';

export const builtInPlans: BuiltInPlan[] = [
  {
    builtIn: 'home_closing',
    id: '019ad6a0-0000-7000-8000-000000000001',
    fields: {
      name: 'Home closing',
      description: 'After a home closes: a gift and a handwritten note, a call two weeks later, cards at six months and on the anniversary.',
      enabled: true,
      skipWeekends: false,
      triggers: [{ on: 'purchase', purchaseKind: 'closing' }],
      steps: [
        { offset: { amount: 2, unit: 'days' }, kind: 'gift', title: 'Housewarming gift for {firstName}', prompt: 'A plant or a local treat for the new home. Add a short card: "Welcome home, {firstName}!"' },
        {
          offset: { amount: 2, unit: 'days' },
          kind: 'handwritten_note',
          title: 'Handwritten thank-you note to {displayName}',
          prompt: 'Dear {firstName},\n\nThank you for trusting me with your move. It was a pleasure to be part of the day your new home became yours ({anchorDate}). I hope the first days there are happy ones.\n\nWarm wishes',
        },
        { offset: { amount: 14, unit: 'days' }, kind: 'call', title: 'Call {firstName}: how is the new home?', prompt: 'Ask how the move went and whether anything in the house needs a tradesperson you can recommend.' },
        { offset: { amount: 6, unit: 'months' }, kind: 'card', title: 'Six-month card for {displayName}', prompt: 'Dear {firstName},\n\nSix months in your new home already! I hope it feels like yours. If you need anything, I am a call away.' },
        { offset: { amount: 1, unit: 'years' }, kind: 'card', title: 'Anniversary card for {displayName}', prompt: 'Dear {firstName},\n\nHappy first anniversary in your home! A year ago ({anchorDate}) you got the keys. I hope it has been a wonderful year.' },
      ],
    },
  },
  {
    builtIn: 'new_customer_welcome',
    id: '019ad6a0-0000-7000-8000-000000000002',
    fields: {
      name: 'New customer welcome',
      description: 'A first purchase: a thank-you note the same day, a check-in call after a week, and a touch in their way after a month.',
      enabled: true,
      skipWeekends: true,
      triggers: [{ on: 'purchase', purchaseKind: 'first_purchase' }],
      steps: [
        { offset: { amount: 0, unit: 'days' }, kind: 'handwritten_note', title: 'Thank-you note to {displayName}', prompt: 'Dear {firstName},\n\nThank you for choosing us. It is good to have you with us, and I am here whenever you need anything.\n\nWith thanks' },
        { offset: { amount: 7, unit: 'days' }, kind: 'call', title: 'Check in with {firstName}', prompt: 'Ask how the first week went and whether they have any questions.' },
        { offset: { amount: 30, unit: 'days' }, kind: 'reach_out', title: 'Keep in touch with {firstName}', prompt: 'A month since {anchorDate}: a short personal word in the way they like to be reached.' },
      ],
    },
  },
  {
    builtIn: 'rate_inquiry',
    id: '019ad6a0-0000-7000-8000-000000000003',
    fields: {
      name: 'Rate inquiry',
      description: 'Someone asking about rates is comparing offers: call back the same day with the best offer.',
      enabled: true,
      skipWeekends: false,
      triggers: [{ on: 'interaction', interactionKind: 'inquiry', reason: 'rates' }],
      steps: [
        { offset: { amount: 0, unit: 'days' }, kind: 'call', title: 'Call back {firstName} with the best offer', prompt: '{firstName} asked about rates. Call back today with the best offer you can make, before they sign elsewhere.' },
      ],
    },
  },
  {
    builtIn: 'complaint_recovery',
    id: '019ad6a0-0000-7000-8000-000000000004',
    fields: {
      name: 'Complaint recovery',
      description: 'A complaint: call the same day, a handwritten apology after three days, a check-in call after two weeks.',
      enabled: true,
      skipWeekends: false,
      triggers: [{ on: 'interaction', interactionKind: 'complaint', reason: null }],
      steps: [
        { offset: { amount: 0, unit: 'days' }, kind: 'call', title: 'Call {firstName} about the complaint', prompt: 'Listen first. Say what you will do to put it right, and by when.' },
        {
          offset: { amount: 3, unit: 'days' },
          kind: 'handwritten_note',
          title: 'Handwritten apology to {displayName}',
          prompt: 'Dear {firstName},\n\nI am sorry for the trouble you had. Thank you for telling us: it helps us do better. Here is what we have done about it: …\n\nSincerely',
        },
        { offset: { amount: 14, unit: 'days' }, kind: 'call', title: 'Check in with {firstName} after the complaint', prompt: 'Ask whether all is well now and whether there is anything more you can do.' },
      ],
    },
  },
];
