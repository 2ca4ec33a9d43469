import type { HeldBackTouch, Plan, PlanPreview, PlanRun } from '../../shared/plans/plans.schemas.ts';
import type { Settings } from '../../shared/settings/settings.schemas.ts';
import { followupId } from './activity-fixtures.ts';
import { contactId } from './fake-bridge.ts';

export function planId(n: number): string {
  return `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;
}

export function runId(n: number): string {
  return `00000000-0000-4000-b100-${String(n).padStart(12, '0')}`;
}

/** Home closing as the built-in plan has it: five steps from the closing day. */
export function homeClosing(change: Partial<Plan> = {}): Plan {
  return {
    id: planId(1),
    name: 'Home closing',
    description: 'Thank a buyer after the closing, and stay in touch through the first year.',
    enabled: true,
    skipWeekends: true,
    builtIn: 'home_closing',
    triggers: [{ on: 'purchase', purchaseKind: 'closing' }],
    steps: [
      { offset: { amount: 2, unit: 'days' }, kind: 'gift', title: 'Send a housewarming gift', prompt: 'A plant for {firstName}’s new home' },
      { offset: { amount: 2, unit: 'days' }, kind: 'handwritten_note', title: 'Write a handwritten thank-you note', prompt: 'Dear {firstName}, thank you…' },
      { offset: { amount: 14, unit: 'days' }, kind: 'call', title: 'Call: how is the new home?', prompt: '' },
      { offset: { amount: 6, unit: 'months' }, kind: 'card', title: 'Send a card', prompt: '' },
      { offset: { amount: 1, unit: 'years' }, kind: 'card', title: 'Anniversary card', prompt: 'One year in the new home, {firstName}!' },
    ],
    running: 2,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...change,
  };
}

export function rateInquiry(change: Partial<Plan> = {}): Plan {
  return {
    ...homeClosing(),
    id: planId(2),
    name: 'Rate inquiry',
    description: '',
    skipWeekends: false,
    builtIn: 'rate_inquiry',
    triggers: [{ on: 'interaction', interactionKind: 'inquiry', reason: 'rates' }],
    steps: [{ offset: { amount: 0, unit: 'days' }, kind: 'reach_out', title: 'Call back with the best offer', prompt: '' }],
    running: 0,
    ...change,
  };
}

export function preview(change: Partial<PlanPreview> = {}): PlanPreview {
  return {
    planId: planId(1),
    planName: 'Home closing',
    contactId: contactId(1),
    contactName: 'Ada Lovelace',
    anchorDate: '2026-11-30',
    steps: [
      { index: 0, kind: 'gift', title: 'Send a housewarming gift', prompt: 'A plant for Ada’s new home', dueDate: '2026-12-02', dueTime: '09:00' },
      { index: 1, kind: 'handwritten_note', title: 'Write a handwritten thank-you note', prompt: 'Dear Ada, thank you…', dueDate: '2026-12-02', dueTime: '09:00' },
    ],
    notes: [],
    ...change,
  };
}

export function run(change: Partial<PlanRun> = {}): PlanRun {
  return {
    id: runId(1),
    planId: planId(1),
    planName: 'Home closing',
    contactId: contactId(1),
    contactName: 'Ada Lovelace',
    anchorDate: '2026-11-30',
    startedAt: '2026-11-30T10:00:00.000Z',
    startedBy: 'by hand',
    status: 'running',
    cancelledAt: null,
    steps: [
      { index: 0, kind: 'gift', title: 'Send a housewarming gift', prompt: '', dueDate: '2026-12-02', dueTime: null, followupId: followupId(70), state: 'done' },
      { index: 1, kind: 'handwritten_note', title: 'Write a handwritten thank-you note', prompt: '', dueDate: '2026-12-02', dueTime: null, followupId: followupId(71), state: 'done' },
      { index: 2, kind: 'call', title: 'Call: how is the new home?', prompt: '', dueDate: '2026-12-14', dueTime: null, followupId: followupId(72), state: 'open' },
      { index: 3, kind: 'card', title: 'Send a card', prompt: '', dueDate: '2027-05-30', dueTime: null, followupId: followupId(73), state: 'open' },
      { index: 4, kind: 'card', title: 'Anniversary card', prompt: '', dueDate: '2027-11-30', dueTime: null, followupId: followupId(74), state: 'open' },
    ],
    done: 2,
    total: 5,
    ...change,
  };
}

export function heldBack(change: Partial<HeldBackTouch> = {}): HeldBackTouch {
  return {
    id: 'held-1',
    contactId: contactId(2),
    contactName: 'Grace Hopper',
    planId: planId(2),
    planName: 'Rate inquiry',
    stepTitle: 'Call back with the best offer',
    dueDate: '2026-12-02',
    reason: '3 automatic touches in the last 30 days already',
    heldAt: '2026-12-02T09:00:00.000Z',
    ...change,
  };
}

export function settings(change: Partial<Settings> = {}): Settings {
  return {
    currency: 'USD',
    hourlyCostCents: 6000,
    minutesByKind: { call: 10, email: 5, meeting: 30, visit: 60, handwritten_note: 10, gift: 15, text_message: 2, note: 2, complaint: 15, referral: 5, inquiry: 10, self_service: 0 },
    hours: { morning: 9, afternoon: 14, evening: 18 },
    automaticTouchesPer30Days: 3,
    adminCostPerCustomerPerYearCents: 2400,
    unprofitableBelowCents: 0,
    clvAnnualDiscountRate: 0.1,
    clvTiers: { topPercent: 20, middlePercent: 30 },
    loyalty: { detractorMaxScore: 6, ambassadorMinScore: 9, complaintDays: 90, referralDays: 365, newCustomerDays: 90, slippingBelowPAlive: 0.5, slippingRhythmMultiple: 2, activeDays: 365 },
    ...change,
  };
}
