import type { Followup, TodayContact, TodayItem, TodayView } from '../../shared/followups/followups.schemas.ts';
import type { Interaction } from '../../shared/history/history.schemas.ts';
import { contactId } from './fake-bridge.ts';

export function interactionId(n: number): string {
  return `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
}

export function followupId(n: number): string {
  return `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
}

export function interaction(n: number, change: Partial<Interaction> = {}): Interaction {
  return {
    id: interactionId(n),
    contactId: contactId(1),
    kind: 'call',
    direction: 'outbound',
    channel: 'phone',
    occurredAt: new Date(Date.UTC(2025, 2, 1, 10) - n * 86_400_000).toISOString(),
    summary: `Talk number ${n}`,
    reasons: [],
    outcome: '',
    minutes: 10,
    costCents: 0,
    costToServeCents: 1000,
    referredById: null,
    followupId: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    deletedAt: null,
    ...change,
  };
}

export function followup(n: number, change: Partial<Followup> = {}): Followup {
  return {
    id: followupId(n),
    contactId: contactId(1),
    kind: 'handwritten_note',
    title: `Follow-up ${n}`,
    dueDate: '2025-03-02',
    dueTime: null,
    prompt: '',
    recurrence: null,
    status: 'open',
    snoozedFrom: null,
    completedAt: null,
    interactionId: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    deletedAt: null,
    ...change,
  };
}

export function todayContact(n: number, change: Partial<TodayContact> = {}): TodayContact {
  return {
    id: contactId(n),
    displayName: `Contact ${n}`,
    preferredChannel: null,
    preferredTime: null,
    lastInteractionAt: null,
    recent: [],
    ...change,
  };
}

export function todayItem(n: number, followupChange: Partial<Followup> = {}, contactChange: Partial<TodayContact> = {}): TodayItem {
  return { followup: followup(n, { contactId: contactId(n), ...followupChange }), contact: todayContact(n, contactChange) };
}

export function emptyToday(today = '2025-03-02'): TodayView {
  return { today, overdue: [], dueToday: [], upcoming: [], losingTouch: [] };
}
