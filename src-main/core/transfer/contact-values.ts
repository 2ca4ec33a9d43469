/** Readers' shared rules for turning what other address books write into our contact fields. */

const pad = (value: number) => String(value).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // 2000 is a leap year, so a yearless 29 February stays valid.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

export type BirthdayReading = { birthday: string | null } | { notUnderstood: string };

/**
 * A birthday as YYYY-MM-DD or --MM-DD. Accepts ISO dates (with or without dashes, with a time after),
 * Outlook's M/D/YYYY (its "0/0/00" means none), Google's and vCard's yearless --MM-DD and --MMDD.
 */
export function readBirthday(text: string): BirthdayReading {
  const value = text.trim();
  if (value === '' || value === '0/0/00' || value === '0/0/0000') return { birthday: null };
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(value);
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(value);
  const american = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso !== null) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (realDay(year, month, day)) return { birthday: `${iso[1]}-${pad(month)}-${pad(day)}` };
  } else if (yearless !== null) {
    const [month, day] = [Number(yearless[1]), Number(yearless[2])];
    if (realDay(2000, month, day)) return { birthday: `--${pad(month)}-${pad(day)}` };
  } else if (american !== null) {
    const [month, day, year] = [Number(american[1]), Number(american[2]), Number(american[3])];
    if (realDay(year, month, day)) return { birthday: `${american[3]}-${pad(month)}-${pad(day)}` };
  }
  return { notUnderstood: `birthday “${shorten(value)}” not understood` };
}

/** "Ada King Lovelace" → first "Ada King", last "Lovelace": the last word is the family name. */
export function splitFullName(fullName: string): { firstName: string; lastName: string } {
  const words = fullName.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' };
}

const LABEL_WORDS: Record<string, string> = {
  work: 'work',
  business: 'work',
  office: 'work',
  home: 'home',
  personal: 'home',
  private: 'home',
  mobile: 'mobile',
  cell: 'mobile',
  cellular: 'mobile',
  iphone: 'mobile',
  other: 'other',
  main: 'main',
  primary: 'main',
  fax: 'fax',
  'work fax': 'work fax',
  'home fax': 'home fax',
  workfax: 'work fax',
  homefax: 'home fax',
  pager: 'pager',
  voice: 'phone',
  internet: '',
  pref: '',
  x400: '',
  smtp: '',
};

/**
 * Our label for what another program calls it: "Work" and "WORK" → "work", Apple's "_$!<Mobile>!$_" →
 * "mobile"; a custom label stays as typed. Empty when the program said nothing useful.
 */
export function readLabel(raw: string): string {
  const text = raw
    .trim()
    .replace(/^_\$!<(.*)>!\$_$/, '$1')
    .trim();
  const known = LABEL_WORDS[text.toLowerCase()];
  return (known ?? text).slice(0, 40);
}

/** Google marks the primary email or phone by starting its label with "* ". */
export function readMarkedLabel(raw: string): { label: string; primary: boolean } {
  const trimmed = raw.trim();
  const primary = trimmed.startsWith('*');
  return { label: primary ? trimmed.slice(1).trim() : trimmed, primary };
}

/** Labels a row lists in one cell: Google's "* myContacts ::: Friends", Outlook's "Clients;Golf". */
export function splitTags(raw: string, separator: RegExp): string[] {
  return raw
    .split(separator)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && !/^\*\s*my\s*contacts$/i.test(tag))
    .map((tag) => tag.replace(/^\*\s*/, ''));
}

export function shorten(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

export function ordinal(position: number): string {
  const tens = position % 100;
  if (tens >= 11 && tens <= 13) return `${position}th`;
  return `${position}${['th', 'st', 'nd', 'rd'][position % 10] ?? 'th'}`;
}
