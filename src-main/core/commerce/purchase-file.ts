import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors.ts';
import type { DateOrder, PurchaseColumnMapping, PurchaseImportField, PurchaseReadOptions } from '../../../shared/commerce/purchase-import.schemas.ts';
import type { TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';
import { decodeText, eachCsvRow, guessDelimiter, type CsvRow } from '../transfer/transfer.service.ts';
import { detectDateOrder, looksLikeDate, parseAmount } from './purchase-values.ts';

/** A purchases file read as a table, with how it was read (detected or chosen). */
export type PurchaseTableFile = {
  encoding: TextEncoding;
  delimiter: string;
  hasHeader: boolean;
  dateOrder: DateOrder;
  columns: string[];
  mapping: PurchaseColumnMapping[];
  /** The data rows (the header left out). */
  rows: CsvRow[];
  blankLines: number;
};

function whyUnreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'there is no such file. Check the name and the folder, then try again';
  if (code === 'EACCES' || code === 'EPERM') return 'Ambassador is not allowed to open it. Check its permissions, or copy it somewhere you own';
  if (code === 'EISDIR') return 'that is a folder. Choose a file inside it';
  return error instanceof Error ? error.message : String(error);
}

/** Columns lined up by spaces (a fixed-width report): no delimiter of the usual four on the first lines, several words on each. */
function linedUpBySpaces(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/, 20).filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => !/[,;\t|]/.test(line) && line.trim().split(/\s+/).length >= 2);
}

/** Rows of a file whose columns are lined up by spaces: no quoting, any run of spaces splits. */
function eachSpacedRow(text: string, onRow: (row: CsvRow) => void): number {
  const lines = text.split(/\r\n|\n|\r/);
  // The break after the last line ends it; it does not start a blank one.
  if (lines.at(-1) === '') lines.pop();
  let blankLines = 0;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') blankLines += 1;
    else onRow({ line: index + 1, fields: trimmed.split(/\s+/), damage: null, broken: false });
  });
  return blankLines;
}

/** How column headers are usually written, in lower case without punctuation. */
const headerNames: Array<[PurchaseImportField, RegExp]> = [
  ['customerId', /^(customer|client|member|account|cust) ?(id|no|number|num|#|code)?$|^(account|customer) ?ref(erence)?$/],
  ['email', /^(customer )?e ?mail( address)?$/],
  ['phone', /^(customer )?(phone|mobile|telephone|tel)( number)?$/],
  ['name', /^(customer |client )?(full )?name$/],
  ['date', /^(order |sale |purchase |transaction |invoice )?date$|^(date|day) of (sale|purchase|order)$|^(sold|ordered) on$/],
  ['amount', /^(order |sale |line |invoice )?(amount|total|revenue|sales|price|value|gross)( amount)?$/],
  ['discount', /^discounts?( amount)?$|^allowances?$|^credits?$/],
  ['productCost', /^(product |item )?cost( of goods( sold)?)?$|^cogs$/],
  ['channel', /^(sales )?(channel|source)$/],
  ['channelCost', /^channel (cost|fee)s?$|^fees?$|^(card|payment|platform) fees?$/],
  ['kind', /^(kind|type|transaction type)$/],
  ['description', /^(description|item|product|items|products|item name|product name)$/],
  ['orderRef', /^(order|receipt|invoice|transaction)( ?(id|no|number|num|#|ref))?$/],
];

function fieldOfHeader(header: string): PurchaseImportField {
  const words = header.toLowerCase().replace(/[^\p{L}\p{N}#]+/gu, ' ').trim();
  return headerNames.find(([, pattern]) => pattern.test(words))?.[0] ?? 'skip';
}

function mappingByHeader(header: string[]): PurchaseColumnMapping[] {
  const taken = new Set<PurchaseImportField>();
  return header.map((cell, column) => {
    const field = fieldOfHeader(cell);
    if (field === 'skip' || taken.has(field)) return { column, field: 'skip' };
    taken.add(field);
    return { column, field };
  });
}

/**
 * Customer ids are short codes with a digit in each, and mostly distinct: a
 * column of a few repeated words ("paid", "Online") is a status or a channel.
 * Distinct is a quarter of the rows, not half: purchase histories list a
 * customer's rows together (CDNOW's first 20 rows are 6 customers).
 */
function looksLikeIds(cells: string[]): boolean {
  if (cells.length === 0 || !cells.every((cell) => /^[A-Za-z0-9_-]{1,20}$/.test(cell) && /\d/.test(cell))) return false;
  return cells.length < 4 || new Set(cells).size * 4 >= cells.length;
}

/**
 * Without a header, the values decide: the date-looking column is the date, the
 * last money-looking one the amount, the first id-looking one the customer id;
 * an email or phone column is found too.
 */
function mappingByValues(sample: CsvRow[], width: number): PurchaseColumnMapping[] {
  const every = (column: number, test: (cell: string) => boolean) => sample.length > 0 && sample.every((row) => test(row.fields[column] ?? ''));
  const fields: PurchaseImportField[] = Array.from({ length: width }, () => 'skip');
  const date = fields.findIndex((_, column) => every(column, looksLikeDate));
  if (date !== -1) fields[date] = 'date';
  const email = fields.findIndex((field, column) => field === 'skip' && every(column, (cell) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cell.trim())));
  if (email !== -1) fields[email] = 'email';
  // Phones are written with spaces, dashes, parentheses or a plus: a plain number is an id or an amount.
  const phone = fields.findIndex((field, column) => field === 'skip' && every(column, (cell) => /^\+?[\d\s().-]+$/.test(cell.trim()) && /[\s()+-]/.test(cell.trim()) && cell.replace(/\D/g, '').length >= 7));
  if (phone !== -1) fields[phone] = 'phone';
  const amount = fields.findLastIndex((field, column) => field === 'skip' && every(column, (cell) => parseAmount(cell) !== null));
  if (amount !== -1) fields[amount] = 'amount';
  const id = fields.findIndex((field, column) => field === 'skip' && looksLikeIds(sample.map((row) => (row.fields[column] ?? '').trim())));
  if (id !== -1) fields[id] = 'customerId';
  return fields.map((field, column) => ({ column, field }));
}

/**
 * Headers in words the names above miss ("Datum", "Umsatz"): the customer, date
 * and amount columns their values show. A customer id is guessed only when no
 * email, phone or name column tells whose each row is: a guessed id that is
 * really a status would pull every row with the same status into one contact.
 */
function withValuesFor(byHeader: PurchaseColumnMapping[], byValues: PurchaseColumnMapping[]): PurchaseColumnMapping[] {
  const named = new Set(byHeader.map((each) => each.field));
  const filled = byHeader.map((each) => {
    const guess = byValues[each.column]?.field;
    const fillable = guess === 'date' || guess === 'amount' || guess === 'customerId' || guess === 'email' || guess === 'phone';
    return each.field === 'skip' && fillable && !named.has(guess) ? { column: each.column, field: guess } : each;
  });
  const saysWho = filled.some((each) => each.field === 'email' || each.field === 'phone' || each.field === 'name');
  return filled.map((each) => (saysWho && each.field === 'customerId' && !named.has('customerId') ? { column: each.column, field: 'skip' } : each));
}

/** A first row whose date or amount cell does not read as one is a header. */
function firstRowIsHeader(first: CsvRow, mapping: PurchaseColumnMapping[]): boolean {
  const cell = (field: PurchaseImportField) => {
    const found = mapping.find((each) => each.field === field);
    return found === undefined ? undefined : (first.fields[found.column] ?? '');
  };
  const date = cell('date');
  const amount = cell('amount');
  if (date === undefined && amount === undefined) return first.fields.every((value) => parseAmount(value) === null && !looksLikeDate(value));
  return (date !== undefined && !looksLikeDate(date)) || (amount !== undefined && parseAmount(amount) === null);
}

/** Reads and splits the file, detecting what the options leave out. */
export function readPurchaseFile(options: PurchaseReadOptions): PurchaseTableFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(options.file);
  } catch (error) {
    const why = whyUnreadable(error);
    throw new AppError('VALIDATION', `Ambassador cannot read ${options.file}: ${why}.`, { fields: [{ path: 'file', message: why }] });
  }
  const { text, encoding } = decodeText(bytes, options.encoding);
  const delimiter = options.delimiter ?? (linedUpBySpaces(text) ? 'whitespace' : guessDelimiter(text));
  const all: CsvRow[] = [];
  const blankLines = delimiter === 'whitespace' ? eachSpacedRow(text, (row) => all.push(row)) : eachCsvRow(text, delimiter, (row) => all.push(row));
  const width = Math.max(0, ...all.slice(0, 50).map((row) => row.fields.length));
  const guessed = all.length > 1 ? mappingByValues(all.slice(1, 21), width) : mappingByValues(all.slice(0, 1), width);
  const hasHeader = options.hasHeader ?? (all[0] !== undefined && firstRowIsHeader(all[0], guessed));
  const header = hasHeader ? all[0] : undefined;
  const rows = hasHeader ? all.slice(1) : all;
  const mapping = options.mapping ?? (header ? withValuesFor(mappingByHeader(header.fields), guessed) : all.length > 1 ? guessed : mappingByValues(rows.slice(0, 20), width));
  const columns = header ? header.fields : Array.from({ length: width }, (_, column) => `Column ${column + 1}`);
  const dateColumn = mapping.find((each) => each.field === 'date')?.column;
  const dateOrder = options.dateOrder ?? (dateColumn === undefined ? 'ymd' : detectDateOrder(rows.map((row) => row.fields[dateColumn] ?? '')));
  return { encoding, delimiter, hasHeader, dateOrder, columns, mapping, rows, blankLines };
}
