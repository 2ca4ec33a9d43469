import type { DateOrder } from '../../../shared/commerce/purchase-import.schemas.ts';

// The values of a point-of-sale or accounting export, read as people write them:
// amounts with currency signs, thousands separators, a decimal comma, negatives
// in parentheses; dates year-first, compact (19970101), slashed either way or dotted.

/** Larger than any amount the form accepts. */
const largest = 100_000_000_000;

/**
 * Whole cents of an amount, and whether it was negative ("-12", "(12.00)",
 * "12-"). Null when the text is not an amount. Rounds half up to the cent.
 */
export function parseAmount(text: string): { cents: number; negative: boolean } | null {
  // Most amounts in a till's export are plain ("12.50"): read at once, the same as below.
  const plain = plainAmount.exec(text);
  if (plain) return { cents: centsOf(plain[1]!, plain[2] ?? ''), negative: false };
  let value = text.trim();
  if (value === '') return null;
  let negative = false;
  if (value.startsWith('(') && value.endsWith(')')) {
    negative = true;
    value = value.slice(1, -1);
  }
  // Currency signs and codes, and spaces used as thousands separators, say nothing about the number.
  value = value.replace(/[\s\u00a0\u202f]|[A-Za-z]{3}$|^[A-Za-z]{3}|[$€£¥₹¢]/g, '');
  if (value.startsWith('-') || value.startsWith('−')) {
    negative = !negative;
    value = value.slice(1);
  } else if (value.endsWith('-')) {
    negative = !negative;
    value = value.slice(0, -1);
  } else if (value.startsWith('+')) value = value.slice(1);
  value = value.replace(/[$€£¥₹¢]/g, '');
  if (!/^[\d.,']+$/.test(value) || !/\d/.test(value)) return null;
  const decimalMark = decimalMarkOf(value);
  const [whole = '', fraction = '', ...more] = decimalMark === null ? [value] : value.split(decimalMark);
  if (more.length > 0) return null;
  // Thousands separators group by three ("1,234,567"); anything else ("1..2") is no number.
  if (/[.,']/.test(whole) && !/^\d{1,3}(?:[.,']\d{3})+$/.test(whole)) return null;
  const digits = whole.replace(/[.,']/g, '');
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fraction)) return null;
  const cents = centsOf(digits, fraction);
  if (!Number.isSafeInteger(cents) || cents > largest) return null;
  return { cents, negative };
}

/** Up to nine digits (below `largest` in cents), an optional point and fraction. */
const plainAmount = /^(\d{1,9})(?:\.(\d+))?$/;

/** Whole cents of whole units and a decimal fraction, rounded half up. */
function centsOf(whole: string, fraction: string): number {
  const thousandths = Number((fraction + '000').slice(0, 3));
  return Number(whole || '0') * 100 + Math.floor(thousandths / 10) + (thousandths % 10 >= 5 ? 1 : 0);
}

/**
 * Which mark separates the cents: the last of "." and "," when both appear
 * ("1.234,56", "1,234.56"); a lone mark followed by exactly three digits is a
 * thousands separator ("1,234"); a mark repeated is too ("1.234.567").
 */
function decimalMarkOf(value: string): '.' | ',' | null {
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
  if (mark === null) return null;
  if (value.indexOf(mark) !== value.lastIndexOf(mark)) return null;
  if (mark === ',' && /^\d{1,3},\d{3}$/.test(value)) return null;
  return mark;
}

const pad = (value: number) => String(value).padStart(2, '0');

function realDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const slashed = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ].*)?$/;

/** The parts of a day-month or month-day date, or null when the text is not one. */
function slashedParts(text: string): [number, number, number] | null {
  const found = slashed.exec(text.trim());
  if (!found) return null;
  const year = Number(found[3]);
  return [Number(found[1]), Number(found[2]), found[3]!.length === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year];
}

/** A date written with dots (03.11.2026): how German, Polish, Scandinavian… exports write day-month-year. */
const dotted = (text: string) => /^\d{1,2}\.\d{1,2}\./.test(text.trim());

/** `YYYY-MM-DD`, or null. Year-first and compact dates read the same in every order. */
export function parseDate(text: string, order: DateOrder): string | null {
  const value = text.trim();
  const first = yearFirst.exec(value) ?? compact.exec(value);
  if (first) return realDate(Number(first[1]), Number(first[2]), Number(first[3]));
  const parts = slashedParts(value);
  if (!parts) return null;
  const [a, b, year] = parts;
  return order === 'dmy' ? realDate(year, b, a) : realDate(year, a, b);
}

export function looksLikeDate(text: string): boolean {
  return parseDate(text, 'mdy') !== null || parseDate(text, 'dmy') !== null;
}

/**
 * How the file writes its dates: day first as soon as one date's first part is
 * over 12 (31/01/2026); day first too when they are written with dots, unless a
 * second part over 12 proves month first; month first otherwise; year first
 * when none is slashed or dotted.
 */
export function detectDateOrder(cells: Iterable<string>): DateOrder {
  let slashedSeen = false;
  let dottedSeen = false;
  let monthFirstSeen = false;
  for (const cell of cells) {
    const parts = slashedParts(cell);
    if (!parts) continue;
    slashedSeen = true;
    if (parts[0] > 12) return 'dmy';
    if (parts[1] > 12) monthFirstSeen = true;
    if (dotted(cell)) dottedSeen = true;
  }
  if (dottedSeen && !monthFirstSeen) return 'dmy';
  return slashedSeen ? 'mdy' : 'ymd';
}

/** The shape the user is told to write dates in. */
export const expectedDate: Record<DateOrder, string> = { ymd: 'year-month-day', mdy: 'month/day/year', dmy: 'day/month/year' };
