import type { DateOrder, PurchaseImportField, PurchasePreviewRow } from '../../../shared/commerce/purchase-import.schemas.ts';
import type { SelectOption } from '../../ui/SelectField.tsx';

/** Where a column can go, in the purchase form's words. */
export const purchaseFieldOptions: readonly { value: PurchaseImportField; label: string }[] = [
  { value: 'skip', label: 'Skip' },
  { value: 'customerId', label: 'Customer id' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'name', label: 'Customer name' },
  { value: 'date', label: 'Date' },
  { value: 'amount', label: 'Amount' },
  { value: 'discount', label: 'Discount' },
  { value: 'productCost', label: 'Product cost' },
  { value: 'channel', label: 'Channel' },
  { value: 'channelCost', label: 'Channel cost' },
  { value: 'kind', label: 'Kind' },
  { value: 'description', label: 'Description' },
  { value: 'orderRef', label: 'Order number' },
];

export const dateOrderOptions: readonly { value: DateOrder; label: string }[] = [
  { value: 'ymd', label: 'Year-month-day (2026-12-31)' },
  { value: 'mdy', label: 'Month/day/year (12/31/2026)' },
  { value: 'dmy', label: 'Day/month/year (31/12/2026)' },
];

export const headerOptions: readonly SelectOption[] = [
  { value: 'yes', label: 'First row names the columns' },
  { value: 'no', label: 'No header: every row is a purchase' },
];

/** "whitespace" is the core's word for columns lined up by spaces, as old tills print them. */
const delimiters: readonly SelectOption[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar ( | )' },
  { value: 'whitespace', label: 'Spaces (columns lined up)' },
];

/** The usual delimiters, plus the one the core detected if it is none of them. */
export function purchaseDelimiterOptions(detected: string): readonly SelectOption[] {
  if (delimiters.some((option) => option.value === detected)) return delimiters;
  return [...delimiters, { value: detected, label: `“${detected}”` }];
}

const matchedWords: Record<NonNullable<PurchasePreviewRow['matchedBy']>, string> = {
  customerId: 'customer id',
  email: 'email',
  phone: 'phone',
  new: 'new contact',
};

/** How a row found its contact: "email", "new contact"; empty for a row that will be skipped. */
export function matchedByWords(matchedBy: PurchasePreviewRow['matchedBy']): string {
  return matchedBy ? matchedWords[matchedBy] : '';
}

const kindWords: Record<NonNullable<PurchasePreviewRow['kind']>, string> = {
  sale: 'Sale',
  closing: 'Closed deal',
  refund: 'Refund',
};

export function kindOfPurchaseWords(kind: PurchasePreviewRow['kind']): string {
  return kind ? kindWords[kind] : '';
}

/** The file's name as the user knows it, from a path in either host. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A row's reason beside its own line number: the core's "Line 57: " is not said twice. */
export function reasonBesideLine(reason: string | null): string {
  return (reason ?? '').replace(/^Line \d+: /, '');
}
