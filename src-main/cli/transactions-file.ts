import type { Purchase } from '../core/insights/clv/index.ts';

/** A problem with the transactions file or the way it was described, as one sentence for the user. */
export class TransactionsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransactionsFileError';
  }
}

export type Delimiter = 'auto' | ',' | ';' | 'tab' | 'whitespace';
export const DELIMITERS: readonly Delimiter[] = ['auto', ',', ';', 'tab', 'whitespace'];

export type TransactionsLayout = {
  /** A 1-based column number or a header name; undefined picks by header name, else columns 1, 2, 3. */
  customerColumn?: string | undefined;
  dateColumn?: string | undefined;
  amountColumn?: string | undefined;
  hasHeader: boolean;
  delimiter: Delimiter;
};

const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` or `YYYYMMDD` calendar date as a day number (days since 1970-01-01), or undefined. */
export function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
  if (!match || (text.includes('-') && !/^\d{4}-\d{2}-\d{2}$/.test(text.trim()))) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return time / DAY_MS;
}

/** A day number back as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Picks the delimiter from the first line: a tab, then `;`, then `,`, else runs of spaces. */
function detectDelimiter(line: string): Exclude<Delimiter, 'auto'> {
  if (line.includes('\t')) return 'tab';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return 'whitespace';
}

/** Splits one line; `"…"` quotes (with `""` inside) protect separators in comma and semicolon files. */
function splitLine(line: string, delimiter: Exclude<Delimiter, 'auto'>): string[] {
  if (delimiter === 'whitespace') return line.trim().split(/\s+/);
  const separator = delimiter === 'tab' ? '\t' : delimiter;
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

const GUESSES = {
  customer: /^(customer|customer[ _-]?id|client|client[ _-]?id|id)$/i,
  date: /^(date|purchase[ _-]?date|order[ _-]?date|day)$/i,
  amount: /^(amount|value|total|spend|price|revenue|sales)$/i,
};

function resolveColumn(
  role: keyof typeof GUESSES,
  option: string,
  given: string | undefined,
  header: string[] | undefined,
  fallback: number,
): number {
  if (given === undefined) {
    const guessed = header?.findIndex((name) => GUESSES[role].test(name)) ?? -1;
    if (guessed >= 0) return guessed;
    if (header) throw new TransactionsFileError(`No column looks like the ${role} column; name it with ${option} (a number or a header name).`);
    return fallback;
  }
  if (/^\d+$/.test(given)) {
    const number = Number(given);
    if (number < 1) throw new TransactionsFileError(`${option} counts columns from 1, so ${given} is not a column.`);
    return number - 1;
  }
  if (!header) throw new TransactionsFileError(`${option} “${given}” is a name, but with --no-header the columns can only be given as numbers.`);
  const index = header.findIndex((name) => name.toLowerCase() === given.trim().toLowerCase());
  if (index < 0) throw new TransactionsFileError(`The file has no column named “${given}” (${option}); its columns are ${header.join(', ')}.`);
  return index;
}

/** A row left out because its amount is negative (a refund), with its 1-based line number. */
export type SkippedRow = Purchase & { line: number };

/** The purchases of a file, and the rows that are not purchases. */
export type Transactions = { purchases: Purchase[]; skipped: SkippedRow[] };

/**
 * Reads purchases (customer, day, amount) from the text of a delimited file;
 * throws TransactionsFileError. Rows with a negative amount (refunds) are not
 * purchases: they are left out and returned apart, for the caller to report. A
 * $0 order is still a visit that bought something (a free item, a voucher), and
 * the published CDNOW analyses count CDNOW's eight $0 orders as purchases.
 */
export function parseTransactions(text: string, layout: TransactionsLayout): Transactions {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  if (firstLine < 0) throw new TransactionsFileError('The file is empty: it has no transactions.');
  const delimiter = layout.delimiter === 'auto' ? detectDelimiter(lines[firstLine]!) : layout.delimiter;
  const header = layout.hasHeader ? splitLine(lines[firstLine]!, delimiter) : undefined;
  const customer = resolveColumn('customer', '--customer-col', layout.customerColumn, header, 0);
  const date = resolveColumn('date', '--date-col', layout.dateColumn, header, 1);
  const amount = resolveColumn('amount', '--amount-col', layout.amountColumn, header, 2);
  if (header) {
    const widest = Math.max(customer, date, amount);
    if (widest >= header.length) throw new TransactionsFileError(`The file has ${header.length} columns, so column ${widest + 1} does not exist.`);
  }

  const purchases: Purchase[] = [];
  const skipped: SkippedRow[] = [];
  for (let index = firstLine + (header ? 1 : 0); index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const fields = splitLine(line, delimiter);
    const row = index + 1;
    const widest = Math.max(customer, date, amount);
    if (widest >= fields.length) throw new TransactionsFileError(`Line ${row} has ${fields.length} columns, so column ${widest + 1} does not exist.`);
    const customerId = fields[customer]!;
    if (customerId === '') throw new TransactionsFileError(`Line ${row} has no customer.`);
    const day = parseDay(fields[date]!);
    if (day === undefined) throw new TransactionsFileError(`Line ${row}: “${fields[date]}” is not a date (use YYYY-MM-DD or YYYYMMDD).`);
    const value = fields[amount]!;
    const parsed = value === '' ? NaN : Number(value);
    if (!Number.isFinite(parsed)) throw new TransactionsFileError(`Line ${row}: the amount “${value}” is not a number.`);
    if (parsed < 0) skipped.push({ customerId, day, amount: parsed, line: row });
    else purchases.push({ customerId, day, amount: parsed });
  }
  if (purchases.length === 0) {
    throw new TransactionsFileError(skipped.length > 0 ? 'The file has no purchases: every amount is negative (refunds).' : 'The file has a header but no transactions.');
  }
  return { purchases, skipped };
}
