import type { NoteCard, TodayView } from '../../shared/followups/followups.schemas.ts';
import { emptyToday, followupId, todayItem } from './activity-fixtures.ts';
import { contactId } from './fake-bridge.ts';

export function noteCard(n: number, change: Partial<NoteCard> = {}): NoteCard {
  return {
    followupId: followupId(n),
    contactId: contactId(n),
    contactName: `Contact ${n}`,
    kind: 'handwritten_note',
    title: `Write a note ${n}`,
    prompt: `Dear contact ${n}, thank you.`,
    dueDate: '2025-03-02',
    envelope: [`Contact ${n}`, `${n} Main Street`, 'Springfield IL 62701', 'United States'],
    ...change,
  };
}

export const adaCard = () =>
  noteCard(1, {
    contactName: 'Ada Lovelace',
    title: 'Handwritten thank-you note',
    prompt: 'Dear Ada, welcome to your new home on Marylebone Road!',
    envelope: ['Ada Lovelace', '12 Marylebone Road', 'London NW1 5LR', 'United Kingdom'],
  });

/** A day with a note due today (Ada) and a gift (Grace); with `cardComingUp`, also a card for Alan in 4 days. */
export function dayWithCards({ cardComingUp = false } = {}): TodayView {
  return {
    ...emptyToday(),
    dueToday: [
      todayItem(1, { title: 'Handwritten thank-you note', kind: 'handwritten_note', prompt: 'Dear Ada, welcome to your new home on Marylebone Road!' }, { displayName: 'Ada Lovelace' }),
      todayItem(2, { title: 'Housewarming gift', kind: 'gift' }, { displayName: 'Grace Hopper' }),
    ],
    upcoming: cardComingUp ? [todayItem(3, { title: 'Anniversary card', kind: 'card', dueDate: '2025-03-06' }, { displayName: 'Alan Turing' })] : [],
  };
}
