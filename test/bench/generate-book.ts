import type Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { ContactFields } from '../../shared/contacts/contacts.schemas.ts';
import { insertContactsInBulk } from '../../src-main/core/contacts/contacts.service.ts';
import { idSource } from '../../src-main/core/db/id-batch.ts';
import type { Database } from '../../src-main/core/db/schema.ts';
import { WriteFirstSqliteDialect } from '../../src-main/core/db/write-first-dialect.ts';
import { searchEntryOf as interactionSearchEntry } from '../../src-main/core/history/history.mapping.ts';
import type { InteractionRow } from '../../src-main/core/history/history.table.ts';
import { seededRandom } from '../../src-main/core/insights/clv/index.ts';

// A big agent's book in a migrated database. Contacts go through the product's
// batched path (insertContactsInBulk), so every search structure is filled as
// the app fills it; the history and follow-ups are written straight with
// prepared statements in one transaction (fast rather than faithful to the
// services' every rule), their search rows made by the history's own mapping,
// and each contact's last_interaction_at set.

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

const personOf = (firstName: string, lastName: string, more: Pick<ContactFields, 'preferredChannel' | 'preferredTime' | 'keepInTouchDays'>): ContactFields => ({
  kind: 'person',
  firstName,
  lastName,
  company: '',
  companyId: null,
  emails: [],
  phones: [],
  address: null,
  birthday: null,
  notes: '',
  tags: [],
  doNotContactAutomatically: false,
  ...more,
});

/** Writes `size` into the database at `sqlite` (already migrated), around `now`. */
export async function generateBook(sqlite: Sqlite.Database, size: BookSize, now = new Date(), seed = 8): Promise<Book> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const stamp = now.toISOString();
  // Contacts were added over the years before the history starts.
  const added = new Date(now.getTime() - 3 * 365 * dayMs).toISOString();
  const insertInteraction = sqlite.prepare(
    `insert into interactions (num, id, contact_id, kind, direction, channel, occurred_at, summary, reasons, outcome, minutes, cost_cents, cost_to_serve_cents, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
  );
  const indexInteraction = sqlite.prepare(`insert into interactions_fts (rowid, summary, outcome, reasons) values (@rowid, @summary, @outcome, @reasons)`);
  const touchContact = sqlite.prepare('update contacts set last_interaction_at = ? where id = ?');
  const insertFollowup = sqlite.prepare(
    `insert into followups (id, contact_id, kind, title, due_date, prompt, status, completed_at, announced_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const nextId = idSource();
  const contacts = Array.from({ length: size.contacts }, () => {
    const firstName = pick(first);
    const lastName = pick(last);
    // One contact in twenty asks to be kept in touch with.
    const keepInTouchDays = random() < 0.05 ? pick([30, 60, 90, 180]) : null;
    return { id: nextId(), fields: personOf(firstName, lastName, { keepInTouchDays, preferredChannel: pick(channels), preferredTime: pick(times) }) };
  });
  // The bench's connection, not closed here: it belongs to the caller.
  const db = new Kysely<Database>({ dialect: new WriteFirstSqliteDialect({ database: sqlite }) });
  await db.transaction().execute((tx) => insertContactsInBulk(tx, contacts, added));
  const contactIds = contacts.map((contact) => contact.id);
  const openFollowupIds: string[] = [];
  sqlite.transaction(() => {
    // Skewed like a real book: a few contacts hold much of the history.
    const newest = new Map<string, string>();
    for (let num = 1; num <= size.interactions; num += 1) {
      const contactId = contactIds[Math.floor(random() ** 2 * contactIds.length)]!;
      const occurredAt = new Date(now.getTime() - Math.floor(random() * 3 * 365 * dayMs)).toISOString();
      const summary = random() < 0.005 ? `Talked about a ${rareWord} of the mortgage` : `${pick(verbs)} ${pick(subjects)}`;
      const reasons = JSON.stringify(random() < 0.3 ? [pick(reasonTags)] : []);
      const kind = pick(interactionKinds);
      const cost = kind === 'gift' ? 2500 : 0;
      insertInteraction.run(num, randomUUID(), contactId, kind, random() < 0.3 ? 'inbound' : 'outbound', pick(channels), occurredAt, summary, reasons, 10, cost, cost + 1000, occurredAt, occurredAt);
      indexInteraction.run(interactionSearchEntry({ num, summary, outcome: '', reasons } as InteractionRow));
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
