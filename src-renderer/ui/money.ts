/** Money as the user types and reads it; the core only ever sees integer cents. */

export const moneyProblem = 'Enter an amount like 120.00';
const negativeProblem = 'Enter the amount without a minus sign: for money given back, choose Refund as the kind.';

/** The symbols a currency is written with, in English and in the user's own locale ("$", "US$", "€"…). */
function symbolsOf(currency: string): string[] {
  return [undefined, 'en', 'en-US'].flatMap((locale) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1).filter((part) => part.type === 'currency').map((part) => part.value);
    } catch {
      return [];
    }
  });
}

/**
 * The currency mark typed beside an amount ("€", "£", "EUR") when it is not the settings'
 * currency; null when there is none or it is that currency's own. "$" counts as any dollar's.
 */
function otherCurrencyIn(typed: string, currency: string): string | null {
  const mark = typed.replace(/[\d.,\s\u00a0\u202f'+-]/g, '');
  if (mark === '' || mark.toUpperCase() === currency.toUpperCase()) return null;
  const own = symbolsOf(currency);
  if (own.includes(mark) || (mark === '$' && own.some((symbol) => symbol.includes('$')))) return null;
  return mark;
}

/** The decimal separator of `locale` ("," in de-DE, "." in en-US). */
function decimalSeparatorOf(locale: string | undefined): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/** "1,200,000" or "1.200": every group after the first is three digits. */
const isGrouping = (parts: string[]) => parts.length > 1 && parts[0] !== '' && parts.slice(1).every((group) => /^\d{3}$/.test(group));

/** Splits "1.200,50" into whole and fraction, deciding which separator is the decimal one. */
function splitAmount(text: string, decimal: string): { whole: string; fraction: string } | null {
  const separators = [...new Set(text.replace(/\d/g, ''))];
  if (separators.length === 0) return { whole: text, fraction: '' };
  if (separators.length === 2) {
    // Both appear ("$1,200.50", "1.200,50"): the last one is the decimal point.
    const point = text[Math.max(text.lastIndexOf('.'), text.lastIndexOf(','))] as string;
    const at = text.lastIndexOf(point);
    const grouped = text.slice(0, at).split(point === '.' ? ',' : '.');
    if (!isGrouping(grouped) && grouped.length > 1) return null;
    if (text.slice(0, at).includes(point)) return null;
    return { whole: grouped.join(''), fraction: text.slice(at + 1) };
  }
  const separator = separators[0] as string;
  const parts = text.split(separator);
  if (separator === decimal && parts.length === 2) return { whole: parts[0] as string, fraction: parts[1] as string };
  if (isGrouping(parts)) return { whole: parts.join(''), fraction: '' };
  // Not the locale's decimal point and not thousands either ("120.5" where commas are decimal): a decimal point.
  if (parts.length === 2 && (parts[1] as string).length <= 2) return { whole: parts[0] as string, fraction: parts[1] as string };
  return null;
}

/**
 * What the user typed ("120", "120.5", "$1,200.50", "1.200,50" where the locale writes
 * a decimal comma) in cents; empty text is null. Negative amounts are refused here:
 * the form's amounts are never negative (a refund is its own kind).
 */
export function parseMoney(typed: string, locale?: string, currency?: string | null): { cents: number | null } | { problem: string } {
  const text = typed.replace(/[\s\u00a0\u202f']/g, '').replace(/^[^\d.,-]+|[^\d.,]+$/g, '');
  if (typed.trim() === '') return { cents: null };
  if (/^\s*[-−(]|^[^\d]*[-−]\s*\d/.test(typed)) return { problem: negativeProblem };
  const foreign = currency ? otherCurrencyIn(typed, currency) : null;
  if (foreign !== null) return { problem: `Amounts are in ${currency}: enter this one in ${currency}, not “${foreign}”, or change the currency in Insights settings.` };
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(text)) return { problem: moneyProblem };
  const split = splitAmount(text, decimalSeparatorOf(locale));
  if (split === null || !/^\d*$/.test(split.whole) || !/^\d{0,2}$/.test(split.fraction)) return { problem: moneyProblem };
  const cents = Number(split.whole || '0') * 100 + Number(split.fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return { problem: moneyProblem };
  return { cents };
}

/** Formatters by currency: building an Intl.NumberFormat is slow, and a table asks for one per cell. */
const formatters = new Map<string, Intl.NumberFormat>();

/** Cents as the user's locale writes money in `currency` (null until settings are loaded: a plain number). */
export function formatMoney(cents: number, currency: string | null): string {
  const key = currency ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = currency
      ? new Intl.NumberFormat(undefined, { style: 'currency', currency })
      : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(key, format);
  }
  return format.format(cents / 100);
}

/** Cents back into the form's text ("1200.50"), for editing. */
export function moneyText(cents: number): string {
  return cents === 0 ? '' : (cents / 100).toFixed(2);
}
