import { stringify } from 'csv-stringify/sync';
import type { Contact } from '../../../shared/contacts/contacts.schemas.ts';
import { AMBASSADOR_COLUMNS, emailColumns, phoneColumns } from './csv-presets.ts';
import { guardFormula } from './formula-guard.ts';

type Labeled = { label: string; value: string; primary: boolean };

/** Google's way of marking the primary email or phone, which our reader understands too. */
const labelCell = (item: Labeled | undefined) => (item === undefined ? '' : item.primary ? `* ${item.label}` : item.label);

function labeledCells(items: Labeled[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => [labelCell(items[index]), items[index]?.value ?? '']).flat();
}

/**
 * Contacts as CSV: one row each, every field, a header row our reader recognizes as its own.
 * Emails and phones get as many column pairs as the contact with the most needs. CRLF row ends and
 * formula-safe cells, for Excel.
 */
export function writeContactsCsv(contacts: Contact[]): string {
  const emailCount = Math.max(1, ...contacts.map((contact) => contact.emails.length));
  const phoneCount = Math.max(1, ...contacts.map((contact) => contact.phones.length));
  const C = AMBASSADOR_COLUMNS;
  const header = [
    C.kind,
    C.firstName,
    C.lastName,
    C.company,
    ...Array.from({ length: emailCount }, (_, index) => emailColumns(index + 1)).flat(),
    ...Array.from({ length: phoneCount }, (_, index) => phoneColumns(index + 1)).flat(),
    C.street,
    C.city,
    C.region,
    C.postalCode,
    C.country,
    C.birthday,
    C.notes,
    C.tags,
    C.preferredChannel,
    C.preferredTime,
    C.keepInTouchDays,
  ];
  const rows = contacts.map((contact) => [
    contact.kind,
    contact.firstName,
    contact.lastName,
    contact.company,
    ...labeledCells(contact.emails, emailCount),
    ...labeledCells(contact.phones, phoneCount),
    contact.address?.street ?? '',
    contact.address?.city ?? '',
    contact.address?.region ?? '',
    contact.address?.postalCode ?? '',
    contact.address?.country ?? '',
    contact.birthday ?? '',
    contact.notes,
    contact.tags.join('; '),
    contact.preferredChannel ?? '',
    contact.preferredTime ?? '',
    contact.keepInTouchDays === null ? '' : String(contact.keepInTouchDays),
  ]);
  return stringify(
    [header, ...rows].map((row) => row.map(guardFormula)),
    // csv-stringify's own formula escape stays on as a second guard; quoted_match quotes a lone \n,
    // which record_delimiter 'windows' alone leaves bare.
    { escape_formulas: true, quoted_match: /[\r\n]/, record_delimiter: 'windows' },
  );
}
