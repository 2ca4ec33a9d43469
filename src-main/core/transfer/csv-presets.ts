import type { ColumnMapping, CsvPreset, ImportField } from '../../../shared/transfer/transfer.schemas.ts';

/** Our own export's columns (csv-writing.ts writes them; the emails and phones repeat per number). */
export const AMBASSADOR_COLUMNS = {
  kind: 'Kind',
  firstName: 'First Name',
  lastName: 'Last Name',
  company: 'Company',
  street: 'Street',
  city: 'City',
  region: 'Region',
  postalCode: 'Postal Code',
  country: 'Country',
  birthday: 'Birthday',
  notes: 'Notes',
  tags: 'Tags',
  preferredChannel: 'Preferred Channel',
  preferredTime: 'Preferred Time',
  keepInTouchDays: 'Keep In Touch Days',
} as const satisfies Partial<Record<ImportField, string>>;

export const emailColumns = (position: number) => [`Email ${position} - Label`, `Email ${position} - Value`];
export const phoneColumns = (position: number) => [`Phone ${position} - Label`, `Phone ${position} - Value`];

type Rule = { pattern: RegExp; field: ImportField; label?: string };

const key = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

const AMBASSADOR_RULES: Rule[] = [
  ...Object.entries(AMBASSADOR_COLUMNS).map(([field, header]) => ({ pattern: new RegExp(`^${key(header)}$`), field: field as ImportField })),
  { pattern: /^email \d+ - value$/, field: 'email' },
  { pattern: /^phone \d+ - value$/, field: 'phone' },
];

const GOOGLE_RULES: Rule[] = [
  { pattern: /^name$/, field: 'fullName' },
  { pattern: /^(given|first) name$/, field: 'firstName' },
  { pattern: /^(family|last) name$/, field: 'lastName' },
  { pattern: /^organization( 1 -)? name$/, field: 'company' },
  { pattern: /^birthday$/, field: 'birthday' },
  { pattern: /^notes$/, field: 'notes' },
  { pattern: /^(labels|group membership)$/, field: 'tags' },
  { pattern: /^e-mail \d+ - value$/, field: 'email' },
  { pattern: /^phone \d+ - value$/, field: 'phone' },
  { pattern: /^address \d+ - (street|po box|extended address)$/, field: 'street' },
  { pattern: /^address \d+ - city$/, field: 'city' },
  { pattern: /^address \d+ - region$/, field: 'region' },
  { pattern: /^address \d+ - postal code$/, field: 'postalCode' },
  { pattern: /^address \d+ - country$/, field: 'country' },
];

const OUTLOOK_PHONE_LABELS: Record<string, string> = {
  business: 'work',
  home: 'home',
  mobile: 'mobile',
  other: 'other',
  primary: 'main',
  'company main': 'main',
  car: 'car',
  "assistant's": 'assistant',
  callback: 'callback',
  radio: 'radio',
  'tty/tdd': 'tty',
};

const OUTLOOK_RULES: Rule[] = [
  { pattern: /^first name$/, field: 'firstName' },
  { pattern: /^last name$/, field: 'lastName' },
  { pattern: /^company$/, field: 'company' },
  { pattern: /^birthday$/, field: 'birthday' },
  { pattern: /^notes$/, field: 'notes' },
  { pattern: /^categories$/, field: 'tags' },
  { pattern: /^e-mail( \d)? address$/, field: 'email' },
  ...Object.entries(OUTLOOK_PHONE_LABELS).map(([words, label]) => ({ pattern: new RegExp(`^${words} phone( 2)?$`), field: 'phone' as const, label })),
  { pattern: /^pager$/, field: 'phone', label: 'pager' },
  { pattern: /^(business|home|other) fax$/, field: 'phone', label: 'fax' },
  { pattern: /^(business|home|other) street( \d)?$/, field: 'street' },
  { pattern: /^(business|home|other) address po box$/, field: 'street' },
  { pattern: /^(business|home|other) city$/, field: 'city' },
  { pattern: /^(business|home|other) state$/, field: 'region' },
  { pattern: /^(business|home|other) postal code$/, field: 'postalCode' },
  { pattern: /^(business|home|other) country(\/region)?$/, field: 'country' },
];

const phoneLabel = (header: string) => (/mobile|cell/.test(header) ? 'mobile' : /home/.test(header) ? 'home' : /work|business|office/.test(header) ? 'work' : /fax/.test(header) ? 'fax' : undefined);
const emailLabel = (header: string) => (/home|personal|private/.test(header) ? 'home' : /work|business|office/.test(header) ? 'work' : /other/.test(header) ? 'other' : undefined);

/** Guesses by common English column names, for files from anything else. */
const GENERIC_RULES: Rule[] = [
  { pattern: /^(full ?name|name|display ?name|contact( name)?)$/, field: 'fullName' },
  { pattern: /^(first ?name|given ?name|forename|first)$/, field: 'firstName' },
  { pattern: /^(last ?name|surname|family ?name|last)$/, field: 'lastName' },
  { pattern: /^(company|company name|organi[sz]ation( name)?|org|employer|business name)$/, field: 'company' },
  { pattern: /^kind$/, field: 'kind' },
  { pattern: /(^|[^a-z])e-?mail/, field: 'email' },
  { pattern: /phone|mobile|^cell|^tel(ephone)?\b/, field: 'phone' },
  { pattern: /^(street|address|street address|address line \d|address \d|address)$/, field: 'street' },
  { pattern: /^(city|town|locality)$/, field: 'city' },
  { pattern: /^(state|region|province|county|state\/province)$/, field: 'region' },
  { pattern: /^(zip|zip ?code|postal ?code|post ?code|postcode)$/, field: 'postalCode' },
  { pattern: /^(country|country\/region)$/, field: 'country' },
  { pattern: /^(birthday|birth ?date|date of birth|dob|bday)$/, field: 'birthday' },
  { pattern: /^(notes?|comments?|description)$/, field: 'notes' },
  { pattern: /^(tags?|categories|category|labels?|groups?|group membership)$/, field: 'tags' },
];

const RULES: Record<CsvPreset, Rule[]> = { ambassador: AMBASSADOR_RULES, google: GOOGLE_RULES, outlook: OUTLOOK_RULES, generic: GENERIC_RULES };

/** Which known export a header row comes from. */
export function detectPreset(headers: string[]): CsvPreset {
  const names = new Set(headers.map(key));
  if (names.has(key(AMBASSADOR_COLUMNS.kind)) && names.has(key(AMBASSADOR_COLUMNS.keepInTouchDays))) return 'ambassador';
  if (names.has('e-mail 1 - value') || names.has('phone 1 - value') || (names.has('given name') && names.has('family name'))) return 'google';
  if (names.has('e-mail address') && names.has('first name') && (names.has('business phone') || names.has('mobile phone'))) return 'outlook';
  return 'generic';
}

/** The preset's mapping for these columns; columns it does not know are skipped. */
export function presetMapping(preset: CsvPreset, headers: string[]): ColumnMapping[] {
  return headers.map((header, column) => {
    const name = key(header);
    const rule = RULES[preset].find((candidate) => candidate.pattern.test(name));
    if (rule === undefined) return { column, field: 'skip' };
    const label = rule.label ?? (preset !== 'generic' ? undefined : rule.field === 'phone' ? phoneLabel(name) : rule.field === 'email' ? emailLabel(name) : undefined);
    if (preset === 'generic' && (rule.field === 'email' || rule.field === 'phone') && /type|label|display/.test(name)) return { column, field: 'skip' };
    return label === undefined ? { column, field: rule.field } : { column, field: rule.field, label };
  });
}

/** Google's "E-mail 1 - Value" takes its label from "E-mail 1 - Label" (or "- Type" in older exports). */
export function labelColumnOf(headers: string[], column: number): number | null {
  const match = /^(.*) - value$/i.exec(headers[column]?.trim() ?? '');
  if (match === null) return null;
  const wanted = new Set([`${match[1]} - label`, `${match[1]} - type`].map(key));
  const found = headers.findIndex((header) => wanted.has(key(header)));
  return found === -1 ? null : found;
}

/**
 * Which address a part belongs to ("Home Street" and "Home City" → "home", "Address 2 - City" →
 * "address 2"), so only the first address is kept; plain "Street", "Town", "Zip" are one address.
 */
export function addressGroupOf(header: string): string {
  return /\b(home|business|work|office|other|private|personal|address \d+)\b/.exec(key(header))?.[1] ?? '';
}

const OUTLOOK_DEFAULTS = new Set(['0/0/00', 'normal', 'false', 'unspecified', 'smtp', 'ex']);
const QUIET_COLUMNS = /( - (type|label|formatted)$|yomi|phonetic|display name$|^e-mail( \d)? type$|^initials$|^file as$)/;

/** Skipped columns not worth a word: label columns read beside their values, Google's formatted address. */
export function isQuietColumn(header: string): boolean {
  return QUIET_COLUMNS.test(key(header));
}

/** What Outlook writes in columns nobody filled in ("Normal", "False", "0/0/00"). */
export function isOutlookDefault(value: string): boolean {
  return OUTLOOK_DEFAULTS.has(value.trim().toLowerCase());
}

export function isPhotoColumn(header: string): boolean {
  return /^photo$/.test(key(header));
}
