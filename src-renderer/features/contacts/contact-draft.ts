import type { FieldProblem } from '../../../shared/api/errors.ts';
import type {
  Contact,
  ContactFieldsInput,
  ContactKind,
  PreferredChannel,
  PreferredTime,
} from '../../../shared/contacts/contacts.schemas.ts';

export type Entry = { label: string; value: string };

/** The form as the user sees it: every field a string, blank rows allowed. */
export type Draft = {
  kind: ContactKind;
  firstName: string;
  lastName: string;
  /** For a person: their company's name as typed or picked. For a company: its own name. */
  company: string;
  /** The company contact a person is linked to; null when the name is only typed, or for a company. */
  companyId: string | null;
  emails: Entry[];
  phones: Entry[];
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  birthday: string;
  notes: string;
  tags: string;
  preferredChannel: PreferredChannel | '';
  preferredTime: PreferredTime | '';
  keepInTouchDays: string;
  doNotContactAutomatically: boolean;
};

/** Form error keys: a draft field name, `emails.<row>`, `phones.<row>`, or `form` for the rest. */
export type DraftErrors = Record<string, string>;

/** The primary entry goes first, so the field labelled "Email" is always the primary one. */
function entries(items: { label: string; value: string; primary: boolean }[], defaultLabel: string): Entry[] {
  const ordered = [...items].sort((a, b) => Number(b.primary) - Number(a.primary));
  const rows = ordered.map(({ label, value }) => ({ label, value }));
  return rows.length > 0 ? rows : [{ label: defaultLabel, value: '' }];
}

export function draftFromContact(contact: Contact | null): Draft {
  return {
    kind: contact?.kind ?? 'person',
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    company: contact?.company ?? '',
    companyId: contact?.companyId ?? null,
    emails: entries(contact?.emails ?? [], 'work'),
    phones: entries(contact?.phones ?? [], 'mobile'),
    street: contact?.address?.street ?? '',
    city: contact?.address?.city ?? '',
    region: contact?.address?.region ?? '',
    postalCode: contact?.address?.postalCode ?? '',
    country: contact?.address?.country ?? '',
    birthday: contact?.birthday ?? '',
    notes: contact?.notes ?? '',
    tags: contact?.tags.join(', ') ?? '',
    preferredChannel: contact?.preferredChannel ?? '',
    preferredTime: contact?.preferredTime ?? '',
    keepInTouchDays: contact?.keepInTouchDays?.toString() ?? '',
    doNotContactAutomatically: contact?.doNotContactAutomatically ?? false,
  };
}

/** Whether two drafts hold the same text in every field, rows in the same order. */
export function sameDraft(a: Draft, b: Draft): boolean {
  const sameRows = (x: Entry[], y: Entry[]) =>
    x.length === y.length && x.every((row, index) => row.label === y[index]?.label && row.value === y[index]?.value);
  return (Object.keys(a) as (keyof Draft)[]).every((key) => {
    const left = a[key];
    const right = b[key];
    return Array.isArray(left) && Array.isArray(right) ? sameRows(left, right) : left === right;
  });
}

export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** What was sent, and which form row each sent email/phone came from, to place the server's messages. */
export type Submission = {
  fields: ContactFieldsInput;
  emailRows: number[];
  phoneRows: number[];
};

/** Turns the draft into the API's fields, or returns the problems the page can see without asking. */
export function toSubmission(draft: Draft): { submission: Submission } | { errors: DraftErrors } {
  const days = draft.keepInTouchDays.trim();
  if (days !== '' && !/^\d+$/.test(days)) {
    return { errors: { keepInTouchDays: 'Keep in touch needs a whole number of days.' } };
  }
  const keep = (rows: Entry[]) => rows.flatMap((row, index) => (row.value.trim() === '' ? [] : [{ row, index }]));
  const emails = keep(draft.emails);
  const phones = keep(draft.phones);
  const address = {
    street: draft.street,
    city: draft.city,
    region: draft.region,
    postalCode: draft.postalCode,
    country: draft.country,
  };
  const hasAddress = Object.values(address).some((part) => part.trim() !== '');
  return {
    submission: {
      fields: {
        kind: draft.kind,
        firstName: draft.firstName,
        lastName: draft.lastName,
        company: draft.company,
        // A company is not linked to another company, even if the form was a person's first.
        companyId: draft.kind === 'person' ? draft.companyId : null,
        emails: emails.map(({ row }, position) => ({ ...row, primary: position === 0 })),
        phones: phones.map(({ row }, position) => ({ ...row, primary: position === 0 })),
        address: hasAddress ? address : null,
        birthday: draft.birthday.trim() === '' ? null : draft.birthday.trim(),
        notes: draft.notes,
        tags: parseTags(draft.tags),
        preferredChannel: draft.preferredChannel === '' ? null : draft.preferredChannel,
        preferredTime: draft.preferredTime === '' ? null : draft.preferredTime,
        keepInTouchDays: days === '' ? null : Number(days),
        doNotContactAutomatically: draft.doNotContactAutomatically,
      },
      emailRows: emails.map(({ index }) => index),
      phoneRows: phones.map(({ index }) => index),
    },
  };
}

const addressParts = new Set(['street', 'city', 'region', 'postalCode', 'country']);
const plainFields = new Set([
  'kind',
  'firstName',
  'lastName',
  'company',
  'birthday',
  'notes',
  'tags',
  'preferredChannel',
  'preferredTime',
  'keepInTouchDays',
  'doNotContactAutomatically',
]);

/** Where a server message belongs on the form. Update errors may still carry the `fields.` prefix. */
export function errorKeyFor(path: string, submission: Submission): string {
  const [head = '', second] = path.replace(/^fields\./, '').split('.');
  if (head === 'emails' || head === 'phones') {
    const rows = head === 'emails' ? submission.emailRows : submission.phoneRows;
    const row = rows[Number(second)];
    return row === undefined ? 'form' : `${head}.${row}`;
  }
  if (head === 'address' && second !== undefined && addressParts.has(second)) return second;
  if (head === 'companyId') return 'company';
  if (plainFields.has(head)) return head;
  return 'form';
}

/** Groups the VALIDATION `details.fields` by form key; the first message per field is shown. */
export function errorsFromProblems(problems: FieldProblem[], submission: Submission): DraftErrors {
  const errors: DraftErrors = {};
  for (const problem of problems) {
    const key = errorKeyFor(problem.path, submission);
    errors[key] ??= problem.message;
  }
  return errors;
}
