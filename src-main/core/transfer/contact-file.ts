// PLACEHOLDER: the transfer-files helper's contact-file.ts replaces this file when
// the branches merge. It only stands in for the interface below (a plain
// comma-separated CSV with a header, and the simplest vCard), so the database
// side can be built and tested; nothing may rely on its details.
import { parse } from 'csv-parse/sync';
import type { Contact, ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import type { ColumnMapping, CsvPreset, ImportField, ImportFormat, TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';

export type ContactRecord = { line: number; name: string; fields: ContactFieldsInput; leftOut: string[] } | { line: number; name: string; problem: string };
export type ContactFile = { format: ImportFormat; encoding: TextEncoding; delimiter: string | null; preset: CsvPreset | null; columns: string[]; mapping: ColumnMapping[]; records: ContactRecord[]; photosSkipped: number };

const byHeader: Record<string, ImportField> = { 'first name': 'firstName', 'last name': 'lastName', company: 'company', email: 'email', phone: 'phone', notes: 'notes', tags: 'tags', birthday: 'birthday', kind: 'kind' };
const csvHeader = ['First Name', 'Last Name', 'Company', 'Email', 'Phone', 'Notes', 'Tags', 'Birthday', 'Kind'];

function recordOf(line: number, values: Record<string, string[]>): ContactRecord {
  const one = (field: string) => values[field]?.[0] ?? '';
  const fields: ContactFieldsInput = {
    kind: one('kind') === 'company' ? 'company' : 'person',
    firstName: one('firstName'),
    lastName: one('lastName'),
    company: one('company'),
    emails: (values.email ?? []).map((value) => ({ value })),
    phones: (values.phone ?? []).map((value) => ({ value })),
    notes: one('notes'),
    tags: (values.tags ?? []).flatMap((text) => text.split(/[;,]/)).map((tag) => tag.trim()).filter((tag) => tag !== ''),
    birthday: one('birthday') === '' ? null : one('birthday'),
  };
  const name = [fields.firstName, fields.lastName].filter(Boolean).join(' ') || (fields.company ?? '');
  return { line, name, fields, leftOut: [] };
}

function readCsv(text: string): ContactFile {
  const rows = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [header, ...body] = rows;
  const columns = header?.record ?? [];
  const mapping = columns.map((column, index) => ({ column: index, field: byHeader[column.toLowerCase()] ?? ('skip' as const) }));
  const records = body.map(({ record, info }) => {
    const values: Record<string, string[]> = {};
    for (const { column, field } of mapping) if (field !== 'skip' && (record[column] ?? '') !== '') (values[field] ??= []).push(record[column]!);
    return recordOf(info.lines, values);
  });
  return { format: 'csv', encoding: 'utf-8', delimiter: ',', preset: 'generic', columns, mapping, records, photosSkipped: 0 };
}

function readVcard(text: string): ContactFile {
  const records: ContactRecord[] = [];
  let values: Record<string, string[]> = {};
  let start = 0;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const [key = '', ...rest] = raw.split(':');
    const value = rest.join(':').replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
    const property = key.split(';')[0]!.toUpperCase();
    if (property === 'BEGIN') [values, start] = [{}, index + 1];
    else if (property === 'END') records.push(recordOf(start, values));
    else if (property === 'N') {
      const [last = '', first = ''] = value.split(';');
      [values.lastName, values.firstName] = [[last], [first]];
    }
    else if (property === 'EMAIL') (values.email ??= []).push(value);
    else if (property === 'TEL') (values.phone ??= []).push(value);
    else if (property === 'ORG') values.company = [value];
    else if (property === 'NOTE') values.notes = [value];
    else if (property === 'CATEGORIES') values.tags = [value];
  }
  return { format: 'vcard', encoding: 'utf-8', delimiter: null, preset: null, columns: [], mapping: [], records, photosSkipped: 0 };
}

export function readContactFile(
  bytes: Uint8Array,
  options: { fileName: string; format?: ImportFormat; encoding?: TextEncoding; delimiter?: string; hasHeader?: boolean; mapping?: ColumnMapping[] },
): ContactFile {
  const text = new TextDecoder().decode(bytes);
  const format = options.format ?? (/\.(vcf|vcard)$/i.test(options.fileName) ? 'vcard' : 'csv');
  return format === 'vcard' ? readVcard(text) : readCsv(text);
}

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function writeContactsCsv(contacts: Contact[]): string {
  const rows = contacts.map((contact) =>
    [contact.firstName, contact.lastName, contact.company, contact.emails[0]?.value ?? '', contact.phones[0]?.value ?? '', contact.notes, contact.tags.join(';'), contact.birthday ?? '', contact.kind],
  );
  return [csvHeader, ...rows].map((row) => row.map(quoted).join(',')).join('\r\n') + '\r\n';
}

const escaped = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');

export function writeContactsVcard(contacts: Contact[]): string {
  return contacts
    .map((contact) =>
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        `FN:${escaped(contact.displayName)}`,
        `N:${escaped(contact.lastName)};${escaped(contact.firstName)}`,
        ...contact.emails.map((email) => `EMAIL:${email.value}`),
        ...contact.phones.map((phone) => `TEL:${phone.value}`),
        ...(contact.company ? [`ORG:${escaped(contact.company)}`] : []),
        ...(contact.notes ? [`NOTE:${escaped(contact.notes)}`] : []),
        ...(contact.tags.length > 0 ? [`CATEGORIES:${contact.tags.map(escaped).join(',')}`] : []),
        'END:VCARD',
      ].join('\r\n'),
    )
    .join('\r\n') + '\r\n';
}
