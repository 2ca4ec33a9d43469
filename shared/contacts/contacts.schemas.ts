import { z } from 'zod';
import { ClvTier } from '../insights/insights.schemas.ts';
import { LoyaltyStage } from '../insights/loyalty.schemas.ts';

/** Calendar date typed by a user: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
const birthdayPattern = /^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isRealDay(value: string): boolean {
  const [yearText, month, day] = value.startsWith('--')
    ? ['2000', Number(value.slice(2, 4)), Number(value.slice(5, 7))]
    : [value.slice(0, 4), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  // 2000 is a leap year, so a yearless 29 February stays valid.
  const daysInMonth = new Date(Date.UTC(Number(yearText), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export const Birthday = z
  .string()
  .regex(birthdayPattern, { error: 'Enter the birthday as YYYY-MM-DD, or --MM-DD when you do not know the year.' })
  .refine(isRealDay, { error: 'That day does not exist in that month.' });

export const ContactKind = z.enum(['person', 'company'], { error: 'Choose whether this is a person or a company.' });
export type ContactKind = z.infer<typeof ContactKind>;

export const PreferredChannel = z.enum(['email', 'phone', 'sms', 'mail', 'in_person'], {
  error: 'Choose email, phone, SMS, mail or in person.',
});
export type PreferredChannel = z.infer<typeof PreferredChannel>;

export const PreferredTime = z.enum(['morning', 'afternoon', 'evening', 'any'], {
  error: 'Choose morning, afternoon, evening or any time.',
});
export type PreferredTime = z.infer<typeof PreferredTime>;

const label = z.string().trim().max(40, { error: 'Keep the label under 40 characters.' });

export const EmailAddress = z.object({
  label: label.default('work'),
  value: z.string().trim().pipe(z.email({ error: 'Enter an email address like name@example.com.' })),
  primary: z.boolean().default(false),
});
export type EmailAddress = z.infer<typeof EmailAddress>;

export const PhoneNumber = z.object({
  label: label.default('mobile'),
  value: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().\-/]+(\s*(x|ext\.?)\s*\d+)?$/i, {
      error: 'Enter a phone number using digits, spaces, +, -, ( and ).',
    })
    .refine((value) => value.replace(/\D/g, '').length >= 3, { error: 'A phone number needs at least 3 digits.' }),
  primary: z.boolean().default(false),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

const addressPart = (what: string, max: number) =>
  z.string().trim().max(max, { error: `Keep the ${what} under ${max} characters.` }).default('');

export const PostalAddress = z.object({
  street: addressPart('street', 200),
  city: addressPart('city', 100),
  region: addressPart('region', 100),
  postalCode: addressPart('postal code', 20),
  country: addressPart('country', 100),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

export const Tag = z
  .string()
  .trim()
  .min(1, { error: 'A tag cannot be empty.' })
  .max(40, { error: 'Keep each tag under 40 characters.' });

const name = (what: string) => z.string().trim().max(100, { error: `Keep the ${what} under 100 characters.` });

/** What a user can type about a contact: the shape shared by create and update. */
const ContactFieldsObject = z.object({
  kind: ContactKind.default('person'),
  firstName: name('first name').default(''),
  lastName: name('last name').default(''),
  company: name('company name').default(''),
  companyId: z.string().uuid({ error: 'Choose a company from your contacts.' }).nullable().default(null),
  emails: z.array(EmailAddress).max(20, { error: 'A contact can have up to 20 email addresses.' }).default([]),
  phones: z.array(PhoneNumber).max(20, { error: 'A contact can have up to 20 phone numbers.' }).default([]),
  address: PostalAddress.nullable().default(null),
  birthday: Birthday.nullable().default(null),
  notes: z.string().max(20_000, { error: 'Notes can hold up to 20,000 characters.' }).default(''),
  tags: z.array(Tag).max(50, { error: 'A contact can have up to 50 tags.' }).default([]),
  preferredChannel: PreferredChannel.nullable().default(null),
  preferredTime: PreferredTime.nullable().default(null),
  keepInTouchDays: z
    .number()
    .int({ error: 'Keep in touch needs a whole number of days.' })
    .min(1, { error: 'Keep in touch needs at least 1 day.' })
    .max(3650, { error: 'Keep in touch can be at most every 3650 days.' })
    .nullable()
    .default(null),
  /** No plan starts for them by itself (a trigger); starting one by hand still works. */
  doNotContactAutomatically: z.boolean({ error: 'Choose yes or no.' }).default(false),
});

function requireAName(contact: { kind: ContactKind; firstName: string; lastName: string; company: string }, ctx: z.RefinementCtx) {
  if (contact.kind === 'company' && contact.company === '') {
    ctx.addIssue({ code: 'custom', path: ['company'], message: 'Enter the company name.' });
  }
  if (contact.kind === 'person' && contact.firstName === '' && contact.lastName === '') {
    ctx.addIssue({ code: 'custom', path: ['firstName'], message: 'Enter a first or last name.' });
  }
}

function requireOnePrimary<T extends { primary: boolean }>(items: T[]): T[] {
  if (items.length === 0) return items;
  const first = items.findIndex((item) => item.primary);
  return items.map((item, index) => ({ ...item, primary: index === (first === -1 ? 0 : first) }));
}

function normalizeTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

export const ContactFields = ContactFieldsObject.superRefine(requireAName).transform((contact) => ({
  ...contact,
  emails: requireOnePrimary(contact.emails),
  phones: requireOnePrimary(contact.phones),
  tags: normalizeTags(contact.tags),
}));
export type ContactFields = z.output<typeof ContactFields>;
export type ContactFieldsInput = z.input<typeof ContactFields>;

export const ContactId = z.string().uuid({ error: 'That is not a contact id.' });

export const UpdateContact = z.object({
  id: ContactId,
  /** The `updatedAt` the user's edit started from; a newer one in the database means a conflict. */
  expectedUpdatedAt: z.string().min(1),
  fields: ContactFields,
});

export const Contact = ContactFieldsObject.extend({
  id: z.string(),
  displayName: z.string(),
  /**
   * When the newest interaction in its history happened; null before the first.
   * The core always sends it; optional so answers written before history (the
   * renderer tests' fake contacts) still fit.
   */
  lastInteractionAt: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Contact = z.infer<typeof Contact>;

/** One row of the contact list: what the list shows, without the whole record. */
export const ContactSummary = z.object({
  id: z.string(),
  kind: ContactKind,
  displayName: z.string(),
  company: z.string(),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

export const ContactSort = z.enum(['name', 'updated']);
export type ContactSort = z.infer<typeof ContactSort>;

export const ListContactsQuery = z
  .object({
    sort: ContactSort.default('name'),
    tag: Tag.optional(),
    /** Only customers at this stage of the loyalty ladder (as of the last recompute, overrides included). */
    stage: LoyaltyStage.optional(),
    /** Only customers in this CLV tier (as of the last recompute). */
    tier: ClvTier.optional(),
    /** Only the people linked to this company (its page lists them). */
    companyId: z.string().uuid({ error: 'That is not a company id.' }).optional(),
    /** Opaque cursor from a previous page's `nextCursor`. */
    cursor: z.string().optional(),
    /** Row offset, for a virtualized list that jumps straight to a scroll position. */
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    /** False skips counting: a list asks for its total once, not with every window it scrolls to. */
    withTotal: z.boolean().default(true),
  })
  .refine((query) => query.cursor === undefined || query.offset === undefined, {
    error: 'Use either a cursor or an offset, not both.',
    path: ['cursor'],
  });

export const ContactListPage = z.object({
  items: z.array(ContactSummary),
  nextCursor: z.string().nullable(),
  /** How many contacts the whole list holds; null when the query said `withTotal: false`. */
  total: z.number().int().nullable(),
});
export type ContactListPage = z.infer<typeof ContactListPage>;

/** The most contacts one search answers with: the best ones; typing more narrows them. */
export const searchPageSize = 50;

export const SearchContactsQuery = z.object({
  // A search is never stored: half of a broken character is ignored, not refused.
  query: z
    .string()
    .max(200, { error: 'Search for at most 200 characters.' })
    .transform((query) => query.replace(/\p{Cs}/gu, '')),
  /** Only contacts of this kind: the company picker searches companies alone. */
  kind: ContactKind.optional(),
  limit: z.number().int().min(1).max(searchPageSize).default(searchPageSize),
});

export const TrashQuery = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

/** Contacts in the Trash, most recently deleted first. */
export const TrashPage = z.object({
  items: z.array(ContactSummary),
  total: z.number().int(),
});
export type TrashPage = z.infer<typeof TrashPage>;

/** How many contacts the list holds and how many are in the Trash. */
export const ContactCounts = z.object({ contacts: z.number().int(), trash: z.number().int() });
export type ContactCounts = z.infer<typeof ContactCounts>;

export const TagCount = z.object({ name: z.string(), count: z.number().int() });
export type TagCount = z.infer<typeof TagCount>;
