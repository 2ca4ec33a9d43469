import type { PreferredChannel, PreferredTime } from '../../../shared/contacts/contacts.schemas.ts';
import type { FollowupKind, Recurrence } from '../../../shared/followups/followups.schemas.ts';
import type { InteractionKind } from '../../../shared/history/history.schemas.ts';
import { addDays, nextMonday } from '../../ui/dates.ts';

export const followupKindWords: Record<FollowupKind, string> = {
  handwritten_note: 'Handwritten note',
  card: 'Card',
  thank_you_call: 'Thank-you call',
  gift: 'Gift',
  call: 'Call',
  email: 'Email',
  text: 'Text message',
  visit: 'Visit',
  other: 'Other',
};

/** A title to start from, so a follow-up is a choice and a date away. */
export function suggestedTitle(kind: FollowupKind, firstName: string): string {
  const name = firstName || 'them';
  switch (kind) {
    case 'handwritten_note':
      return `Write a note to ${name}`;
    case 'card':
      return `Send ${name} a card`;
    case 'thank_you_call':
      return `Call ${name} to say thank you`;
    case 'gift':
      return `Send ${name} a gift`;
    case 'call':
      return `Call ${name}`;
    case 'email':
      return `Email ${name}`;
    case 'text':
      return `Text ${name}`;
    case 'visit':
      return `Visit ${name}`;
    case 'other':
      return '';
  }
}

export const preferredChannelWords: Record<PreferredChannel, string> = { email: 'email', phone: 'phone', sms: 'text message', mail: 'mail', in_person: 'in person' };
export const preferredTimeWords: Record<PreferredTime, string> = { morning: 'mornings', afternoon: 'afternoons', evening: 'evenings', any: 'any time' };

/** "Prefers phone, mornings", or nothing when they have not said. */
export function preferenceLine(channel: PreferredChannel | null, time: PreferredTime | null): string | null {
  const parts = [channel ? preferredChannelWords[channel] : null, time ? preferredTimeWords[time] : null].filter(Boolean);
  return parts.length > 0 ? `Prefers ${parts.join(', ')}` : null;
}

export function recurrenceWords(recurrence: Recurrence | null): string | null {
  if (!recurrence) return null;
  const unit = recurrence.every === 1 ? recurrence.unit.slice(0, -1) : recurrence.unit;
  return recurrence.every === 1 ? `Every ${unit}` : `Every ${recurrence.every} ${unit}`;
}

/** Getting back in touch, logged as what their preferred channel would be. */
export function kindForChannel(channel: PreferredChannel | null): InteractionKind {
  switch (channel) {
    case 'phone':
      return 'call';
    case 'email':
      return 'email';
    case 'sms':
      return 'text_message';
    case 'mail':
      return 'handwritten_note';
    case 'in_person':
      return 'visit';
    default:
      return 'note';
  }
}

export type SnoozeChoice = { label: string; until: (today: string) => string };

export const snoozeChoices: readonly SnoozeChoice[] = [
  { label: 'Tomorrow', until: (today) => addDays(today, 1) },
  { label: 'In 3 days', until: (today) => addDays(today, 3) },
  { label: 'Next week', until: nextMonday },
];
