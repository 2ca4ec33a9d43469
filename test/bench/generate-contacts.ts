import type { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import { seededRandom } from '../../src-main/core/insights/clv/index.ts';

const first = ['Ada', 'Grace', 'Alan', 'Maya', 'Luis', 'Priya', 'Tom', 'Hannah', 'Omar', 'Sofia', 'Kenji', 'Elena', 'Marcus', 'Chloe', 'Ravi', 'Fatima', 'Noah', 'Isabel', 'Daniel', 'Amara', 'Felix', 'Zoe', 'Samuel', 'Lena', 'Victor', 'Nora', 'Ibrahim', 'Julia', 'Theo', 'Mei'];
const last = ['Lovelace', 'Hopper', 'Turing', 'Okafor', 'Hernandez', 'Raman', 'Becker', 'Schmidt', 'Haddad', 'Rossi', 'Tanaka', 'Petrova', 'Reid', 'Dubois', 'Iyer', 'Nasser', 'Walsh', 'Moreno', 'Kim', 'Mensah', 'Novak', 'Clarke', 'Adeyemi', 'Lindqvist', 'Costa', 'Byrne', 'Yilmaz', 'Fischer', 'Murphy', 'Chen'];
const companies = ['Harbor Lane Realty', 'Bluebird Bakery', 'Oakridge Title', 'Cedar Movers', 'Northwind Mortgage', 'Lumen Staging', 'Summit Dental', 'Maple Florist', ''];
const tags = ['buyer', 'seller', 'vip', 'referral', 'partner', 'first-home', 'investor'];
const words = ['closing', 'garden', 'kids', 'dog', 'refinance', 'anniversary', 'gift', 'coffee', 'school', 'renovation', 'call back', 'handwritten note'];

/** Sentences an agent jots down: common words that most notes share, so a search for one matches thousands. */
const sentences = [
  'asked about the house on the corner',
  'wants to move before the school year',
  'call back next week about the offer',
  'met at the open house with their kids',
  'sent a handwritten note after the closing',
  'prefers a call in the morning',
  'looking for a bigger garden and a quiet street',
  'talked about the market over coffee',
];

/**
 * `count` contacts shaped like a real agent's book: names repeat, emails and
 * phones do not. `sentenceNotes` adds a sentence of common words to each note.
 */
export function generateContacts(count: number, seed = 42, sentenceNotes = false): ContactFields[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const firstName = pick(first);
    const lastName = pick(last);
    const company = pick(companies);
    return {
      kind: 'person',
      firstName,
      lastName,
      company,
      companyId: null,
      emails: [{ label: 'home', value: `${firstName}.${lastName}.${index}@mail.example`.toLowerCase(), primary: true }],
      phones: [{ label: 'mobile', value: `(${200 + (index % 800)}) 555-${String(index % 10000).padStart(4, '0')}`, primary: true }],
      address: null,
      birthday: null,
      notes: sentenceNotes ? `${pick(words)}, ${pick(words)}. ${pick(sentences)}.` : `${pick(words)}, ${pick(words)}`,
      tags: random() < 0.5 ? [pick(tags)] : [],
      preferredChannel: null,
      preferredTime: null,
      keepInTouchDays: null,
      doNotContactAutomatically: false,
    };
  });
}
