/** Formatters by currency: building an Intl.NumberFormat is slow, and a sample table asks for one per cell. */
const formatters = new Map<string, Intl.NumberFormat>();

/** Integer cents as the user's currency ("$1,234.50"); plain two-decimal figures until the currency is known. */
export function formatCents(cents: number, currency: string | null): string {
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
