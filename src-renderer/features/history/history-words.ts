import type { Direction, Interaction, InteractionChannel, InteractionKind } from '../../../shared/history/history.schemas.ts';

export const kindWords: Record<InteractionKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  visit: 'Visit',
  handwritten_note: 'Handwritten note',
  gift: 'Gift',
  text_message: 'Text message',
  note: 'Note',
  complaint: 'Complaint',
  referral: 'Referral',
  inquiry: 'Inquiry',
  self_service: 'Self-service (they helped themselves)',
};

export const channelWords: Record<InteractionChannel, string> = {
  email: 'Email',
  phone: 'Phone',
  sms: 'SMS',
  mail: 'Mail',
  in_person: 'In person',
  web: 'Web',
};

export const directionWords: Record<Direction, string> = { outbound: 'Outbound', inbound: 'Inbound' };

export function formatCents(cents: number): string {
  return (cents / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** One line under an entry: direction, channel, time spent, money spent. */
export function interactionDetails(interaction: Interaction): string {
  return [
    interaction.direction === 'inbound' ? 'Inbound' : 'Outbound',
    interaction.channel ? channelWords[interaction.channel] : null,
    interaction.minutes > 0 ? `${interaction.minutes} min` : null,
    interaction.costCents > 0 ? `spent ${formatCents(interaction.costCents)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
