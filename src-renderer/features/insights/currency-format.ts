/**
 * Money in the settings' currency, in the user's locale. Amounts are integer minor
 * units (cents), so each currency's own number of decimals turns them into units.
 */
function formatterFor(currency: string, whole: boolean): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, ...(whole ? { maximumFractionDigits: 0 } : {}) });
  } catch {
    // An unknown code still shows the amount, with the code beside it.
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: 'XXX', ...(whole ? { maximumFractionDigits: 0 } : {}) });
  }
}

/** How many decimals the currency has: 2 for USD and EUR, 0 for JPY. */
export function minorDigits(currency: string): number {
  return formatterFor(currency, false).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "$1,234.56" from 123456 cents. */
export function formatCurrency(cents: number, currency: string): string {
  return formatterFor(currency, false).format(cents / 10 ** minorDigits(currency));
}

/** "$1,235": for chart axes and bin edges, where cents are noise. */
export function formatWholeCurrency(cents: number, currency: string): string {
  return formatterFor(currency, true).format(cents / 10 ** minorDigits(currency));
}

/** What the user typed ("24", "24.50", "-10") in minor units; null when it is not an amount. */
export function parseCurrency(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(/[\s,]/g, '');
  const pattern = digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 10 ** digits);
}

/** The amount as the user would type it back: "24.50", no symbol or grouping. */
export function currencyInput(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  return (cents / 10 ** digits).toFixed(digits);
}
