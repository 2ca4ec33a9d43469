import type { ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import { ordinal, splitFullName } from './contact-values.ts';

/**
 * One row or card of an import file: its fields (not validated yet: the import service parses them
 * and reports the schema's message), or why it cannot be read at all. Always with the line it
 * starts on, so the report can point at it.
 */
export type ContactRecord =
  | {
      /** 1-based line where the row or card starts in the file (a CSV header is line 1). */
      line: number;
      /** How the user would recognize it: "Ada Lovelace", the email, or "line 12". */
      name: string;
      fields: ContactFieldsInput;
      /** What was not taken, in the user's words ("photo skipped", "2nd address skipped"). */
      leftOut: string[];
    }
  | { line: number; name: string; problem: string };

type AddressPart = 'street' | 'city' | 'region' | 'postalCode' | 'country';
type Address = Record<AddressPart, string>;
type Labeled = { value: string; label?: string; primary?: boolean };

/** What a row or card says about a contact, gathered before it becomes the contact's fields. */
export type ContactParts = {
  fullName: string;
  firstNames: string[];
  lastNames: string[];
  emails: Labeled[];
  phones: Labeled[];
  /** Address parts by which address they belong to, in the order the addresses appear. */
  addresses: Map<string, Address>;
  notes: string[];
  tags: string[];
  leftOut: string[];
  photo: boolean;
};

export function newParts(): ContactParts {
  return { fullName: '', firstNames: [], lastNames: [], emails: [], phones: [], addresses: new Map(), notes: [], tags: [], leftOut: [], photo: false };
}

export function addAddressPart(parts: ContactParts, group: string, part: AddressPart, value: string) {
  let address = parts.addresses.get(group);
  if (address === undefined) {
    address = { street: '', city: '', region: '', postalCode: '', country: '' };
    parts.addresses.set(group, address);
  }
  const trimmed = value.trim();
  // Several street lines (Outlook's Street 2 and 3, a PO box) make one multi-line street.
  address[part] = part === 'street' && address.street !== '' ? `${address.street}\n${trimmed}` : address[part] === '' ? trimmed : address[part];
}

const isFilled = (address: Address) =>
  address.street !== '' || address.city !== '' || address.region !== '' || address.postalCode !== '' || address.country !== '';

function firstAddress(parts: ContactParts): Address | null {
  let first: Address | null = null;
  let others = 0;
  for (const address of parts.addresses.values()) {
    if (!isFilled(address)) continue;
    if (first === null) first = address;
    else parts.leftOut.push(`${ordinal((others += 1) + 1)} address skipped`);
  }
  return first;
}

function joinNames(names: string[]): string {
  let joined = '';
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed !== '') joined = joined === '' ? trimmed : `${joined} ${trimmed}`;
  }
  return joined;
}

/** The record's fields from its parts: names split or filled in, the first address, a company alone → a company. */
export function buildRecord(line: number, fields: ContactFieldsInput, parts: ContactParts): ContactRecord {
  let firstName = joinNames(parts.firstNames);
  let lastName = joinNames(parts.lastNames);
  const company = fields.company?.trim() ?? '';
  if (firstName === '' && lastName === '' && parts.fullName.trim() !== '' && parts.fullName.trim() !== company) {
    ({ firstName, lastName } = splitFullName(parts.fullName));
  }
  if (firstName !== '') fields.firstName = firstName;
  if (lastName !== '') fields.lastName = lastName;
  if (fields.kind === undefined && firstName === '' && lastName === '' && company !== '') fields.kind = 'company';
  // Emails and phones arrive non-empty from the readers, but a value of spaces alone is dropped here.
  const emails = parts.emails.every((email) => /\S/.test(email.value)) ? parts.emails : parts.emails.filter((email) => /\S/.test(email.value));
  const phones = parts.phones.every((phone) => /\S/.test(phone.value)) ? parts.phones : parts.phones.filter((phone) => /\S/.test(phone.value));
  if (emails.length > 0) fields.emails = emails;
  if (phones.length > 0) fields.phones = phones;
  const address = firstAddress(parts);
  if (address !== null) fields.address = address;
  const notes = parts.notes.filter((note) => note.trim() !== '');
  if (notes.length > 0) fields.notes = notes.join('\n\n');
  if (parts.tags.length > 0) fields.tags = parts.tags;
  if (parts.photo) parts.leftOut.push('photo skipped');
  const name = (firstName !== '' && lastName !== '' ? `${firstName} ${lastName}` : firstName || lastName) || company || emails[0]?.value.trim() || phones[0]?.value.trim() || `line ${line}`;
  return { line, name, fields, leftOut: parts.leftOut };
}
