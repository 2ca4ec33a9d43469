import type { LogInteraction } from '../../../shared/history/history.schemas.ts';

// Believable history for the sample contacts, so a newcomer's timelines, Today
// view and "losing touch" have something to show. Fixed content; the times are
// days before the moment the sample is loaded.

type SampleEntry = Omit<LogInteraction, 'contactId' | 'occurredAt' | 'referredById'> & { daysAgo: number };

const entry = (daysAgo: number, fields: Partial<SampleEntry> & Pick<SampleEntry, 'kind'>): SampleEntry => ({
  direction: 'outbound',
  channel: null,
  summary: '',
  reasons: [],
  outcome: '',
  minutes: null,
  costCents: 0,
  ...fields,
  daysAgo,
});

/** A few stories, each a contact's history, newest last. */
const stories: SampleEntry[][] = [
  [
    entry(120, { kind: 'inquiry', direction: 'inbound', channel: 'web', summary: 'Filled in the contact form about three-bedroom homes.', reasons: ['looking to buy'] }),
    entry(95, { kind: 'meeting', channel: 'in_person', summary: 'Viewed two houses on Maple Ave.', reasons: ['house viewing'], outcome: 'Liked the second one.' }),
    entry(60, { kind: 'call', summary: 'Talked through the offer and closing costs.', reasons: ['asked about rates'], outcome: 'Will speak to the lender.' }),
    entry(30, { kind: 'gift', channel: 'in_person', summary: 'Housewarming plant after the closing.', reasons: ['closing'], costCents: 4500 }),
    entry(28, { kind: 'handwritten_note', channel: 'mail', summary: 'Thank-you note for choosing us.', reasons: ['thank you'] }),
  ],
  [
    entry(45, { kind: 'call', direction: 'inbound', summary: 'Asked whether now is a good time to refinance.', reasons: ['asked about rates', 'refinancing'], outcome: 'Sent the lender’s details.' }),
    entry(44, { kind: 'email', channel: 'email', summary: 'Introduced them to Northwind Mortgage.', reasons: ['refinancing'] }),
  ],
  [
    entry(200, { kind: 'referral', direction: 'inbound', summary: 'Referred by a neighbour who sold with us last year.', reasons: ['referral'] }),
    entry(150, { kind: 'visit', channel: 'in_person', summary: 'Valuation visit for the house on Birch St.', reasons: ['selling'], outcome: 'Listed at the suggested price.' }),
    entry(12, { kind: 'text_message', channel: 'sms', summary: 'Shared the open house schedule.', reasons: ['open house'] }),
  ],
  [
    entry(20, { kind: 'complaint', direction: 'inbound', channel: 'phone', summary: 'Movers were two hours late on moving day.', reasons: ['moving day'], outcome: 'Apologised; called Cedar & Sons about it.' }),
    entry(19, { kind: 'call', summary: 'Checked everything arrived safely.', reasons: ['follow-up'], outcome: 'All good now.' }),
  ],
  [
    entry(8, { kind: 'self_service', direction: 'inbound', channel: 'web', summary: 'Read the first-time buyer guide and booked a call online.', reasons: ['first home'] }),
    entry(3, { kind: 'call', summary: 'First call: budget and neighbourhoods.', reasons: ['asked about rates', 'first home'], outcome: 'Sending listings weekly.' }),
  ],
  [entry(400, { kind: 'note', summary: 'Met at the spring open house; wants to hear about lofts downtown.', reasons: ['lofts'] })],
];

/**
 * The sample history, spread over every third sample person, at times counted
 * back from `now`. The referral names its referrer, the first sample person
 * (whose story is the closing), so the ladder has someone who recommends us.
 */
export function sampleHistory(personIds: string[], now: string): LogInteraction[] {
  const at = (daysAgo: number) => new Date(Date.parse(now) - daysAgo * 24 * 60 * 60 * 1000).toISOString();
  const referrer = personIds[0] ?? null;
  return personIds
    .filter((_, index) => index % 3 === 0)
    .flatMap((contactId, index) =>
      stories[index % stories.length]!.map(({ daysAgo, ...fields }) => ({
        ...fields,
        contactId,
        occurredAt: at(daysAgo),
        referredById: fields.kind === 'referral' && referrer !== contactId ? referrer : null,
      })),
    );
}
