import { PreferredChannel, PreferredTime, type ContactFieldsInput } from '../../../shared/contacts/contacts.schemas.ts';
import type { ColumnMapping, CsvPreset } from '../../../shared/transfer/transfer.schemas.ts';
import type { CsvRow } from './csv-reading.ts';
import { addressGroupOf, isPhotoColumn, isQuietSkip, labelColumnOf } from './csv-presets.ts';
import { readBirthday, readLabel, readMarkedLabel, shorten, splitTags } from './contact-values.ts';
import { addAddressPart, buildRecord, newParts, type ContactParts, type ContactRecord } from './contact-record.ts';
import { unguardFormula } from './formula-guard.ts';

/** What reading every row of one file shares: worked out once, not per row. */
export type CsvLayout = {
  columns: string[];
  mapping: ColumnMapping[];
  preset: CsvPreset | null;
  hasHeader: boolean;
  labelColumns: Map<number, number>;
  addressGroups: Map<number, string>;
  mapped: Set<number>;
};

export function csvLayout(columns: string[], mapping: ColumnMapping[], preset: CsvPreset | null, hasHeader: boolean): CsvLayout {
  const labelColumns = new Map<number, number>();
  const addressGroups = new Map<number, string>();
  const mapped = new Set<number>();
  for (const entry of mapping) {
    if (entry.field === 'skip') continue;
    mapped.add(entry.column);
    const labelColumn = hasHeader ? labelColumnOf(columns, entry.column) : null;
    if (labelColumn !== null) {
      labelColumns.set(entry.column, labelColumn);
      mapped.add(labelColumn);
    }
    if (['street', 'city', 'region', 'postalCode', 'country'].includes(entry.field)) {
      addressGroups.set(entry.column, hasHeader ? addressGroupOf(columns[entry.column] ?? '') : '');
    }
  }
  return { columns, mapping: [...mapping].sort((a, b) => a.column - b.column), preset, hasHeader, labelColumns, addressGroups, mapped };
}

const TAG_SEPARATORS: Record<CsvPreset, RegExp> = { google: /\s*:::\s*/, outlook: /;/, ambassador: /;/, generic: /\s*:::\s*|[;,]/ };

function labelFor(entry: ColumnMapping, fields: string[], layout: CsvLayout): { label?: string; primary?: boolean } {
  if (entry.label !== undefined && entry.label !== '') return { label: entry.label };
  const labelColumn = layout.labelColumns.get(entry.column);
  if (labelColumn === undefined) return {};
  const marked = readMarkedLabel(cell(fields, labelColumn, layout));
  const label = layout.preset === 'ambassador' ? marked.label : readLabel(marked.label);
  return { ...(label === '' ? {} : { label }), ...(marked.primary ? { primary: true } : {}) };
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

/** Older Google exports put several numbers of one label in a cell: "+1 555 0100 ::: +1 555 0199". */
function several(value: string, layout: CsvLayout): string[] {
  return layout.preset === 'google' && value.includes(':::') ? value.split(/\s*:::\s*/) : [value];
}

function readKind(value: string): string {
  const text = value.trim().toLowerCase();
  if (['company', 'organization', 'organisation', 'org', 'business'].includes(text)) return 'company';
  if (['person', 'individual', 'people'].includes(text)) return 'person';
  return value.trim();
}

function noteSkipped(layout: CsvLayout, fields: string[], parts: ContactParts) {
  for (let column = 0; column < fields.length; column += 1) {
    const value = fields[column] ?? '';
    if (layout.mapped.has(column) || value.trim() === '') continue;
    const header = layout.columns[column];
    if (header === undefined) continue;
    if (layout.hasHeader && isPhotoColumn(header)) parts.photo = true;
    else if (!(layout.preset !== null && layout.hasHeader && isQuietSkip(layout.preset, header, value))) {
      parts.leftOut.push(layout.preset === 'generic' || !layout.hasHeader ? `unknown column “${header}” ignored` : `${header} “${shorten(value)}” left out`);
    }
  }
  const beyond = fields.slice(layout.columns.length).filter((value) => value.trim() !== '').length;
  if (beyond > 0) parts.leftOut.push(`${beyond} ${beyond === 1 ? 'value' : 'values'} beyond the ${layout.columns.length} columns left out`);
}

function takeValue(entry: ColumnMapping, value: string, row: string[], layout: CsvLayout, parts: ContactParts, fields: ContactFieldsInput) {
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
    case 'kind':
      fields.kind = readKind(value) as ContactFieldsInput['kind'];
      return;
    case 'email':
      for (const email of several(value, layout)) parts.emails.push({ value: email.replace(/^mailto:/i, ''), ...labelFor(entry, row, layout) });
      return;
    case 'phone':
      for (const phone of several(value, layout)) parts.phones.push({ value: phone, ...labelFor(entry, row, layout) });
      return;
    case 'street':
    case 'city':
    case 'region':
    case 'postalCode':
    case 'country':
      addAddressPart(parts, layout.addressGroups.get(entry.column) ?? '', entry.field, value);
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
      parts.tags.push(...splitTags(value, TAG_SEPARATORS[layout.preset ?? 'generic']));
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
  if (row.fields.every((value) => value.trim() === '')) return { line: row.line, name: `line ${row.line}`, problem: 'The row is empty.' };
  const fields: ContactFieldsInput = {};
  const parts = newParts();
  for (const entry of layout.mapping) {
    const value = cell(row.fields, entry.column, layout);
    if (value.trim() === '') continue;
    takeValue(entry, value, row.fields, layout, parts, fields);
  }
  noteSkipped(layout, row.fields, parts);
  if (row.fields.length < layout.columns.length && layout.hasHeader) {
    parts.leftOut.push(`the row has ${row.fields.length} ${row.fields.length === 1 ? 'field' : 'fields'} where the header has ${layout.columns.length}`);
  }
  if (row.damage !== null) parts.leftOut.push(`check this row: ${row.damage}`);
  return buildRecord(row.line, fields, parts);
}
