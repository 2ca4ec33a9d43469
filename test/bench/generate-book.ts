import type Sqlite from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { seededRandom } from '../../src-main/core/insights/clv/index.ts';

// A big agent's book, written straight into a migrated database with prepared
// statements in one transaction: this is the bench's generator, not code under
// test, so it is fast rather than faithful to the services' every rule. It writes
// what the services would: rows, their search index rows (folded text), and each
// contact's last_interaction_at.

export type BookSize = { contacts: number; interactions: number; followups: number };

/** `BENCH_SIZE=full`: the size. The default is a tenth of it, for a quick run. */
export const bookSizes = {
  quick: { contacts: 10_000, interactions: 100_000, followups: 20_000 },
  full: { contacts: 100_000, interactions: 1_000_000, followups: 200_000 },
} satisfies Record<string, BookSize>;

const first = ['Ada', 'Grace', 'Alan', 'Maya', 'Luis', 'Priya', 'Tom', 'Hannah', 'Omar', 'Sofia', 'Kenji', 'Elena', 'Marcus', 'Chloe', 'Ravi', 'Fatima', 'Noah', 'Isabel', 'Daniel', 'Amara'];
const last = ['Lovelace', 'Hopper', 'Turing', 'Okafor', 'Hernandez', 'Raman', 'Becker', 'Schmidt', 'Haddad', 'Rossi', 'Tanaka', 'Petrova', 'Reid', 'Dubois', 'Iyer', 'Nasser', 'Walsh', 'Moreno', 'Kim', 'Mensah'];
const interactionKinds = ['call', 'email', 'meeting', 'visit', 'handwritten_note', 'gift', 'text_message', 'note', 'inquiry'] as const;
const channels = ['email', 'phone', 'sms', 'mail', 'in_person'] as const;
const times = ['morning', 'afternoon', 'evening', 'any'] as const;
const subjects = ['the closing date', 'the inspection', 'a second viewing', 'the school district', 'the garden', 'moving day', 'the appraisal', 'a referral', 'the open house', 'the offer'];
const verbs = ['Talked about', 'Asked about', 'Followed up on', 'Sent a note about', 'Called back about', 'Met to discuss'];
const reasonTags = ['asked about rates', 'new listing', 'price question', 'thank you', 'referral', 'complaint', 'paperwork'];
const followupKinds = ['handwritten_note', 'thank_you_call', 'gift', 'call', 'email', 'visit'] as const;
/** A word the history search looks for: in about one summary in 200. */
export const rareWord = 'refinance';

const dayMs = 86_400_000;

function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The local date `days` from `now`. */
export function dayFrom(now: Date, days: number): string {
  return localDate(new Date(now.getTime() + days * dayMs));
}

/**
 * Most follow-ups are done; of the open ones, one in a thousand is overdue, fewer
 * are due today, about as many fall in the next week, the rest over the year ahead.
 */
function followupState(random: () => number): { status: 'open' | 'done'; offset: number } {
  const roll = random();
  const within = (days: number) => Math.floor(random() * days);
  if (roll < 0.8) return { status: 'done', offset: -1 - within(700) };
  if (roll < 0.801) return { status: 'open', offset: -1 - within(30) };
  if (roll < 0.8015) return { status: 'open', offset: 0 };
  if (roll < 0.8025) return { status: 'open', offset: 1 + within(7) };
  return { status: 'open', offset: 8 + within(358) };
}

export type Book = {
  contactIds: string[];
  /** Open follow-ups due from today on, for Mark done runs. */
  openFollowupIds: string[];
};

/** Writes `size` into the database at `sqlite` (already migrated), around `now`. */
export function generateBook(sqlite: Sqlite.Database, size: BookSize, now = new Date(), seed = 8): Book {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const stamp = now.toISOString();
  // Contacts were added over the years before the history starts.
  const added = new Date(now.getTime() - 3 * 365 * dayMs).toISOString();
  const insertContact = sqlite.prepare(
    `insert into contacts (num, id, kind, first_name, last_name, display_name, sort_key, preferred_channel, preferred_time, keep_in_touch_days, created_at, updated_at)
     values (?, ?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const indexContact = sqlite.prepare(`insert into contacts_fts (rowid, name, company, emails, phones, tags, notes) values (?, ?, '', '', '', '', '')`);
  // Search's prefix keys of a name (migration 0009): each word and the whole name.
  const keyContact = sqlite.prepare(`insert or ignore into contact_search_keys (field, key, num, kind) values (0, ?, ?, 'person')`);
  const insertInteraction = sqlite.prepare(
    `insert into interactions (num, id, contact_id, kind, direction, channel, occurred_at, summary, reasons, outcome, minutes, cost_cents, cost_to_serve_cents, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
  );
  const indexInteraction = sqlite.prepare(`insert into interactions_fts (rowid, summary, outcome, reasons) values (?, ?, '', ?)`);
  const touchContact = sqlite.prepare('update contacts set last_interaction_at = ? where id = ?');
  const insertFollowup = sqlite.prepare(
    `insert into followups (id, contact_id, kind, title, due_date, prompt, status, completed_at, announced_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const contactIds: string[] = [];
  const openFollowupIds: string[] = [];
  sqlite.transaction(() => {
    for (let num = 1; num <= size.contacts; num += 1) {
      const id = randomUUID();
      const name = `${pick(first)} ${pick(last)}`;
      // One contact in twenty asks to be kept in touch with.
      const keepInTouch = random() < 0.05 ? pick([30, 60, 90, 180]) : null;
      insertContact.run(num, id, name.split(' ')[0], name.split(' ')[1], name, name.toLowerCase(), pick(channels), pick(times), keepInTouch, added, added);
      indexContact.run(num, name.toLowerCase());
      for (const key of [...name.toLowerCase().split(' '), name.toLowerCase()]) keyContact.run(key, num);
      contactIds.push(id);
    }
    // Skewed like a real book: a few contacts hold much of the history.
    const newest = new Map<string, string>();
    for (let num = 1; num <= size.interactions; num += 1) {
      const contactId = contactIds[Math.floor(random() ** 2 * contactIds.length)]!;
      const occurredAt = new Date(now.getTime() - Math.floor(random() * 3 * 365 * dayMs)).toISOString();
      const summary = random() < 0.005 ? `Talked about a ${rareWord} of the mortgage` : `${pick(verbs)} ${pick(subjects)}`;
      const reasons = random() < 0.3 ? [pick(reasonTags)] : [];
      const kind = pick(interactionKinds);
      const cost = kind === 'gift' ? 2500 : 0;
      insertInteraction.run(num, randomUUID(), contactId, kind, random() < 0.3 ? 'inbound' : 'outbound', pick(channels), occurredAt, summary, JSON.stringify(reasons), 10, cost, cost + 1000, occurredAt, occurredAt);
      indexInteraction.run(num, summary.toLowerCase(), reasons.join(', '));
      if ((newest.get(contactId) ?? '') < occurredAt) newest.set(contactId, occurredAt);
    }
    for (const [contactId, occurredAt] of newest) touchContact.run(occurredAt, contactId);
    for (let index = 0; index < size.followups; index += 1) {
      const contactId = pick(contactIds);
      const kind = pick(followupKinds);
      const { status, offset } = followupState(random);
      const id = randomUUID();
      const due = dayFrom(now, offset);
      const isPast = offset <= 0;
      insertFollowup.run(id, contactId, kind, `Follow up with a ${kind.replace(/_/g, ' ')}`, due, 'Mention the garden and the new school.', status, status === 'done' ? stamp : null, isPast ? stamp : null, stamp, stamp);
      if (status === 'open' && !isPast) openFollowupIds.push(id);
    }
  })();
  return { contactIds, openFollowupIds };
}
