import type { CsvPreset, DuplicateAction, ImportField, ImportPreview, PreviewRow, TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';
import type { SelectOption } from '../../ui/SelectField.tsx';

/** Where a column can go, in the contact form's words. */
export const fieldOptions: readonly { value: ImportField; label: string }[] = [
  { value: 'skip', label: 'Skip' },
  { value: 'fullName', label: 'Full name' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'company', label: 'Company' },
  { value: 'kind', label: 'Person or company' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'street', label: 'Street' },
  { value: 'city', label: 'City' },
  { value: 'region', label: 'State or region' },
  { value: 'postalCode', label: 'Postal code' },
  { value: 'country', label: 'Country' },
  { value: 'birthday', label: 'Birthday' },
  { value: 'notes', label: 'Notes' },
  { value: 'tags', label: 'Tags' },
  { value: 'preferredChannel', label: 'Preferred channel' },
  { value: 'preferredTime', label: 'Preferred time' },
  { value: 'keepInTouchDays', label: 'Keep in touch every (days)' },
];

export const encodingOptions: readonly { value: TextEncoding; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 (little-endian)' },
  { value: 'utf-16be', label: 'UTF-16 (big-endian)' },
  { value: 'windows-1252', label: 'Windows-1252 (Western)' },
];

const delimiters: readonly SelectOption[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar ( | )' },
];

/** The usual delimiters, plus the one the core detected if it is none of them. */
export function delimiterOptions(detected: string | null): readonly SelectOption[] {
  if (detected === null || delimiters.some((option) => option.value === detected)) return delimiters;
  return [...delimiters, { value: detected, label: `“${detected}”` }];
}

export const duplicateOptions: readonly { value: DuplicateAction; label: string }[] = [
  { value: 'create', label: 'Create new' },
  { value: 'merge', label: 'Merge' },
  { value: 'skip', label: 'Skip' },
];

const presetWords: Record<CsvPreset, string> = {
  google: 'a Google Contacts export',
  outlook: 'an Outlook export',
  ambassador: 'an Ambassador export',
  generic: '',
};

/** "CSV, a Google Contacts export · 3,000 rows" or "vCard · 12 cards". */
export function formatWords(preview: ImportPreview): string {
  const records = preview.totalRecords.toLocaleString();
  if (preview.format === 'vcard') return `vCard · ${records} ${preview.totalRecords === 1 ? 'card' : 'cards'}`;
  const preset = preview.preset ? presetWords[preview.preset] : '';
  return `CSV${preset ? `, ${preset}` : ''} · ${records} ${preview.totalRecords === 1 ? 'row' : 'rows'}`;
}

/** The name a row will be saved under. */
export function rowName(contact: NonNullable<PreviewRow['contact']>): string {
  if (contact.kind === 'company') return contact.company;
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.company;
}
