import type { DateOrder, PurchaseColumnMapping, PurchaseImportField } from '../../../shared/commerce/purchase-import.schemas.ts';
import type { PurchaseKind } from '../../../shared/commerce/commerce.schemas.ts';
import type { CsvRow } from '../transfer/transfer.service.ts';
import { expectedDate, parseAmount, parseDate } from './purchase-values.ts';

/** One row of a purchases file, read: the customer it names and the purchase. */
export type PurchaseRecord = {
  line: number;
  customerId: string;
  email: string;
  phone: string;
  name: string;
  occurredOn: string;
  kind: PurchaseKind;
  grossCents: number;
  discountCents: number;
  productCostCents: number;
  channel: string;
  channelCostCents: number;
  description: string;
  orderRef: string | null;
};

export type RecordProblem = { line: number; customer: string; problem: string };

/** The words exports write in a kind or status column, in lower case. */
const kindWords: Record<string, PurchaseKind> = {
  sale: 'sale', sold: 'sale', paid: 'sale', completed: 'sale', order: 'sale', purchase: 'sale', invoice: 'sale',
  closing: 'closing', closed: 'closing', 'home closing': 'closing', deal: 'closing',
  refund: 'refund', refunded: 'refund', return: 'refund', returned: 'refund', credit: 'refund', 'credit note': 'refund',
};

/** What a customer is called in a message: their id, else their email or phone. */
export function customerOf(record: Pick<PurchaseRecord, 'customerId' | 'email' | 'phone'>): string {
  if (record.customerId !== '') return `customer id ${record.customerId}`;
  if (record.email !== '') return `email ${record.email}`;
  return record.phone === '' ? 'no customer' : `phone ${record.phone}`;
}

/** Which column holds each field: looked up once per file, not once per cell. */
export type ColumnsByField = Partial<Record<PurchaseImportField, number>>;

export function columnsByField(mapping: PurchaseColumnMapping[]): ColumnsByField {
  const columns: ColumnsByField = {};
  for (const { column, field } of mapping) if (field !== 'skip' && columns[field] === undefined) columns[field] = column;
  return columns;
}

/**
 * Reads one row by the mapping. A negative amount makes the row a refund of that
 * amount (exports write returns that way); costs and discounts are read as
 * positive. The first problem found is told with its line and the field.
 */
export function readRecord(row: CsvRow, columns: ColumnsByField, dateOrder: DateOrder): PurchaseRecord | RecordProblem {
  const cell = (field: PurchaseImportField) => {
    const column = columns[field];
    return column === undefined ? '' : (row.fields[column] ?? '').trim();
  };
  const customer = { customerId: cell('customerId'), email: cell('email'), phone: cell('phone') };
  const fail = (problem: string): RecordProblem => ({ line: row.line, customer: customerOf(customer), problem: `Line ${row.line}: ${problem}` });
  if (row.broken || row.damage !== null) return fail(`the quotes do not add up (${row.damage ?? 'a quote is never closed'}). Fix the row in the file, then import again.`);
  if (customer.customerId === '' && customer.email === '' && customer.phone === '') return fail('there is no customer id, email or phone to tell whose purchase it is. Add one to the row, then import again.');
  const dateText = cell('date');
  if (dateText === '') return fail('the date is empty. Add the date of the sale to the row.');
  const occurredOn = parseDate(dateText, dateOrder);
  if (occurredOn === null) return fail(`the date “${dateText}” is not a date. Write it as ${expectedDate[dateOrder]}, or choose another date format.`);
  const amountText = cell('amount');
  if (amountText === '') return fail('the amount is empty. Add what the customer paid to the row.');
  const amount = parseAmount(amountText);
  if (amount === null) return fail(`the amount “${amountText}” is not an amount. Write it as a number, like 12.50.`);
  const money = (field: 'discount' | 'productCost' | 'channelCost', label: string): number | string => {
    const text = cell(field);
    if (text === '') return 0;
    const parsed = parseAmount(text);
    return parsed === null ? `the ${label} “${text}” is not an amount. Write it as a number, like 12.50, or leave it empty.` : parsed.cents;
  };
  const discount = money('discount', 'discount');
  const productCost = money('productCost', 'product cost');
  const channelCost = money('channelCost', 'channel cost');
  for (const value of [discount, productCost, channelCost]) if (typeof value === 'string') return fail(value);
  const kindText = cell('kind').toLowerCase();
  const named = kindText === '' ? 'sale' : kindWords[kindText];
  if (named === undefined) return fail(`the kind “${cell('kind')}” is not a word Ambassador knows. Write sale, closing or refund in that cell.`);
  const kind: PurchaseKind = amount.negative ? 'refund' : named;
  const discountCents = kind === 'refund' ? 0 : (discount as number);
  if (discountCents > amount.cents) return fail('the discount is larger than the amount. Check both cells of the row.');
  return {
    line: row.line,
    ...customer,
    name: cell('name'),
    occurredOn,
    kind,
    grossCents: amount.cents,
    discountCents,
    productCostCents: productCost as number,
    channel: cell('channel').toLowerCase().slice(0, 40),
    channelCostCents: channelCost as number,
    description: cell('description').slice(0, 500),
    orderRef: cell('orderRef') || null,
  };
}
