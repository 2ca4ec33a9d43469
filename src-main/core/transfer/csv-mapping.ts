import { PreferredChannel, PreferredTime, type ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import type { ColumnMapping, CsvPreset } from '../../../shared/transfer/transfer.schemas.ts';
import type { CsvRow } from './csv-reading.ts';
import { addressGroupOf, isOutlookDefault, isPhotoColumn, isQuietColumn, labelColumnOf } from './csv-presets.ts';
import { readBirthday, readLabel, readMarkedLabel, shorten, splitTags } from './contact-values.ts';
import { addAddressPart, buildRecord, newParts, type ContactParts, type ContactRecord } from './contact-record.ts';
import { unguardFormula } from './formula-guard.ts';

type Entry = ColumnMapping & { labelColumn: number | null; addressGroup: string };
type SkippedColumn = { column: number; header: string; photo: boolean; quiet: boolean };

/** What reading every row of one file shares: worked out once, not per row. */
export type CsvLayout = {
  columns: string[];
  preset: CsvPreset | null;
  hasHeader: boolean;
  entries: Entry[];
  skipped: SkippedColumn[];
  /** Label cells repeat on every row: each distinct one is read once. */
  labels: Map<string, { label: string; primary: boolean }>;
  tags: Map<string, string[]>;
};

const ADDRESS_FIELDS = new Set(['street', 'city', 'region', 'postalCode', 'country']);

export function csvLayout(columns: string[], mapping: ColumnMapping[], preset: CsvPreset | null, hasHeader: boolean): CsvLayout {
  const used = new Set<number>();
  const entries: Entry[] = [];
  for (const entry of [...mapping].sort((a, b) => a.column - b.column)) {
    if (entry.field === 'skip') continue;
    used.add(entry.column);
    const labelColumn = hasHeader ? labelColumnOf(columns, entry.column) : null;
    if (labelColumn !== null) used.add(labelColumn);
    const addressGroup = hasHeader && ADDRESS_FIELDS.has(entry.field) ? addressGroupOf(columns[entry.column] ?? '') : '';
    entries.push({ ...entry, labelColumn, addressGroup });
  }
  const skipped = columns
    .map((header, column) => ({
      column,
      header,
      photo: hasHeader && isPhotoColumn(header),
      quiet: hasHeader && preset !== null && isQuietColumn(header),
    }))
    .filter((column) => !used.has(column.column));
  return { columns, preset, hasHeader, entries, skipped, labels: new Map(), tags: new Map() };
}

const TAG_SEPARATORS: Record<CsvPreset, RegExp> = { google: /\s*:::\s*/, outlook: /;/, ambassador: /;/, generic: /\s*:::\s*|[;,]/ };

const isBlank = (value: string) => value.length === 0 || !/\S/.test(value);

function labelFor(entry: Entry, fields: string[], layout: CsvLayout): { label: string; primary: boolean } | null {
  if (entry.label !== undefined && entry.label !== '') return { label: entry.label, primary: false };
  if (entry.labelColumn === null) return null;
  const raw = cell(fields, entry.labelColumn, layout);
  let read = layout.labels.get(raw);
  if (read === undefined) {
    const marked = readMarkedLabel(raw);
    read = { label: layout.preset === 'ambassador' ? marked.label : readLabel(marked.label), primary: marked.primary };
    layout.labels.set(raw, read);
  }
  return read;
}

function labeled(value: string, label: { label: string; primary: boolean } | null) {
  if (label === null) return { value };
  if (label.label === '') return label.primary ? { value, primary: true } : { value };
  return label.primary ? { value, label: label.label, primary: true } : { value, label: label.label };
}

function cell(fields: string[], column: number, layout: CsvLayout): string {
  const raw = fields[column] ?? '';
  const value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return layout.preset === 'ambassador' ? unguardFormula(value) : value;
}

function readEnum<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: string, what: string, leftOut: string[]): T | null {
  const parsed = schema.safeParse(value.trim().toLowerCase().replace(/\s+/g, '_'));
  if (parsed.success) return parsed.data;
  leftOut.push(`${what} “${shorten(value)}” not understood`);
  return null;
}

function tagsOf(value: string, layout: CsvLayout): string[] {
  let tags = layout.tags.get(value);
  if (tags === undefined) {
    tags = splitTags(value, TAG_SEPARATORS[layout.preset ?? 'generic']);
    layout.tags.set(value, tags);
  }
  return tags;
}

/** Older Google exports put several numbers of one label in a cell: "+1 555 0100 ::: +1 555 0199". */
function several(value: string, layout: CsvLayout): string[] {
  return layout.preset === 'google' && value.includes(':::') ? value.split(/\s*:::\s*/) : [value];
}

function readKind(value: string): 'person' | 'company' | null {
  const text = value.trim().toLowerCase();
  if (['company', 'organization', 'organisation', 'org', 'business'].includes(text)) return 'company';
  if (['person', 'individual', 'people'].includes(text)) return 'person';
  return null;
}

function noteSkipped(layout: CsvLayout, fields: string[], parts: ContactParts) {
  for (const skipped of layout.skipped) {
    const value = fields[skipped.column] ?? '';
    if (isBlank(value) || skipped.quiet) continue;
    if (skipped.photo) parts.photo = true;
    else if (layout.preset === 'outlook' && isOutlookDefault(value)) continue;
    else parts.leftOut.push(layout.preset === 'generic' || !layout.hasHeader ? `unknown column “${skipped.header}” ignored` : `${skipped.header} “${shorten(value)}” left out`);
  }
  if (fields.length > layout.columns.length) {
    const beyond = fields.slice(layout.columns.length).filter((value) => !isBlank(value)).length;
    if (beyond > 0) parts.leftOut.push(`${beyond} ${beyond === 1 ? 'value' : 'values'} beyond the ${layout.columns.length} columns left out`);
  }
}

function takeValue(entry: Entry, value: string, row: string[], layout: CsvLayout, parts: ContactParts, fields: ContactFieldsInput) {
  switch (entry.field) {
    case 'skip':
      return;
    case 'fullName':
      parts.fullName = parts.fullName === '' ? value : parts.fullName;
      return;
    case 'firstName':
      parts.firstNames.push(value);
      return;
    case 'lastName':
      parts.lastNames.push(value);
      return;
    case 'company':
      fields.company = fields.company === undefined || fields.company === '' ? value : fields.company;
      return;
    case 'kind': {
      // A kind we do not know is a word in the report, not a row refused for it.
      const kind = readKind(value);
      if (kind === null) parts.leftOut.push(`kind “${shorten(value)}” not understood`);
      else fields.kind = kind;
      return;
    }
    case 'email':
      for (const email of several(value, layout)) parts.emails.push(labeled(email.replace(/^mailto:/i, ''), labelFor(entry, row, layout)));
      return;
    case 'phone':
      for (const phone of several(value, layout)) parts.phones.push(labeled(phone, labelFor(entry, row, layout)));
      return;
    case 'street':
    case 'city':
    case 'region':
    case 'postalCode':
    case 'country':
      addAddressPart(parts, entry.addressGroup, entry.field, value);
      return;
    case 'birthday': {
      const reading = readBirthday(value);
      if ('notUnderstood' in reading) parts.leftOut.push(reading.notUnderstood);
      else fields.birthday ??= reading.birthday;
      return;
    }
    case 'notes':
      parts.notes.push(value);
      return;
    case 'tags':
      parts.tags.push(...tagsOf(value, layout));
      return;
    case 'preferredChannel':
      fields.preferredChannel = readEnum(PreferredChannel, value, 'preferred channel', parts.leftOut);
      return;
    case 'preferredTime':
      fields.preferredTime = readEnum(PreferredTime, value, 'preferred time', parts.leftOut);
      return;
    case 'keepInTouchDays':
      if (/^\s*\d+\s*$/.test(value)) fields.keepInTouchDays = Number(value);
      else parts.leftOut.push(`keep in touch “${shorten(value)}” not understood`);
      return;
  }
}

/** One CSV row as a contact record: everything the mapping takes, and a word on what it leaves. */
export function readCsvRecord(row: CsvRow, layout: CsvLayout): ContactRecord {
  if (row.broken) return { line: row.line, name: `line ${row.line}`, problem: `The row cannot be read: ${row.damage ?? 'it is damaged'}.` };
  if (row.fields.every(isBlank)) return { line: row.line, name: `line ${row.line}`, problem: 'The row is empty.' };
  const fields: ContactFieldsInput = {};
  const parts = newParts();
  for (const entry of layout.entries) {
    const value = cell(row.fields, entry.column, layout);
    if (isBlank(value)) continue;
    takeValue(entry, value, row.fields, layout, parts, fields);
  }
  noteSkipped(layout, row.fields, parts);
  if (row.fields.length < layout.columns.length && layout.hasHeader) {
    parts.leftOut.push(`the row has ${row.fields.length} ${row.fields.length === 1 ? 'field' : 'fields'} where the header has ${layout.columns.length}`);
  }
  if (row.damage !== null) parts.leftOut.push(`check this row: ${row.damage}`);
  return buildRecord(row.line, fields, parts);
}
