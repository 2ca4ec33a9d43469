import { z } from 'zod';
import { TextEncoding } from '../transfer/transfer.schemas.ts';

const FilePath = z.string().trim().min(1, { error: 'Choose a file.' }).max(4096, { error: 'That path is too long.' });

/** Where a column of a point-of-sale or accounting export goes. */
export const PurchaseImportField = z.enum([
  'skip',
  /** The customer's number in the other system: matched to the contact it was first imported to. */
  'customerId',
  'email',
  'phone',
  /** The customer's name: only used to name a contact the import creates. */
  'name',
  'date',
  'amount',
  'discount',
  'productCost',
  'channel',
  'channelCost',
  'kind',
  'description',
  'orderRef',
]);
export type PurchaseImportField = z.infer<typeof PurchaseImportField>;

export const PurchaseColumnMapping = z.object({ column: z.number().int().min(0), field: PurchaseImportField });
export type PurchaseColumnMapping = z.infer<typeof PurchaseColumnMapping>;

/** How dates are written in the file: detected from its rows when left out. */
export const DateOrder = z.enum(['ymd', 'mdy', 'dmy'], { error: 'Choose year-month-day, month/day/year or day/month/year.' });
export type DateOrder = z.infer<typeof DateOrder>;

/** How to read the file; whatever is left out is detected. */
export const PurchaseReadOptions = z.object({
  file: FilePath,
  encoding: TextEncoding.optional(),
  /** One character, or "whitespace" for columns lined up by spaces; detected when left out. */
  delimiter: z.union([z.string().length(1, { error: 'The delimiter is one character.' }), z.literal('whitespace')]).optional(),
  hasHeader: z.boolean().optional(),
  mapping: z.array(PurchaseColumnMapping).max(500).optional(),
  dateOrder: DateOrder.optional(),
});
export type PurchaseReadOptions = z.infer<typeof PurchaseReadOptions>;

/** A row as it will be saved, or why it cannot be. */
export const PurchasePreviewRow = z.object({
  line: z.number().int(),
  customer: z.string(),
  /** How the row found its contact; "new" when the import would create one; null when it would be skipped. */
  matchedBy: z.enum(['customerId', 'email', 'phone', 'new']).nullable(),
  contactName: z.string().nullable(),
  occurredOn: z.string().nullable(),
  kind: z.enum(['sale', 'closing', 'refund']).nullable(),
  grossCents: z.number().int().nullable(),
  discountCents: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type PurchasePreviewRow = z.infer<typeof PurchasePreviewRow>;

export const PurchaseImportPreview = z.object({
  file: z.string(),
  encoding: TextEncoding,
  delimiter: z.string(),
  hasHeader: z.boolean(),
  dateOrder: DateOrder,
  columns: z.array(z.string()),
  mapping: z.array(PurchaseColumnMapping),
  totalRows: z.number().int(),
  sample: z.array(PurchasePreviewRow),
  /** Rows that cannot be imported, with the reason and the line (all of them, in file order). */
  invalid: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** Rows whose customer is already a contact, by how they matched. */
  matched: z.object({ customerId: z.number().int(), email: z.number().int(), phone: z.number().int() }),
  /** Rows whose customer is not a contact yet, and how many customers that is. */
  unmatchedRows: z.number().int(),
  unmatchedCustomers: z.number().int(),
  blankLines: z.number().int(),
});
export type PurchaseImportPreview = z.infer<typeof PurchaseImportPreview>;

export const ImportPurchases = PurchaseReadOptions.extend({
  /** Rows whose customer is not a contact: make a contact for each customer, or skip the rows and report them. */
  unmatched: z.enum(['create', 'skip'], { error: 'Choose whether to create contacts or skip those rows.' }).default('create'),
});
export type ImportPurchases = z.output<typeof ImportPurchases>;

export const PurchaseImportReport = z.object({
  batchId: z.string(),
  file: z.string(),
  /** Rows read; always imported + skipped. */
  total: z.number().int(),
  imported: z.number().int(),
  /** Imported rows whose customer was already a contact. */
  matched: z.number().int(),
  /** Contacts made for customers who were not contacts yet. */
  createdContacts: z.number().int(),
  skipped: z.number().int(),
  blankLines: z.number().int(),
  /** Plans started by recent purchases (first purchase, closing). */
  plansStarted: z.number().int(),
  /** Every row that was not imported plainly: skipped ones with the reason, and the first of each created contact. */
  rows: z.array(
    z.object({
      line: z.number().int(),
      outcome: z.enum(['imported', 'skipped']),
      contactId: z.string().nullable(),
      matchedBy: z.enum(['customerId', 'email', 'phone', 'new']).nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type PurchaseImportReport = z.infer<typeof PurchaseImportReport>;

export const PurchaseImportBatch = z.object({
  batchId: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
  total: z.number().int(),
  imported: z.number().int(),
  createdContacts: z.number().int(),
  skipped: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type PurchaseImportBatch = z.infer<typeof PurchaseImportBatch>;

export const UndoPurchaseImport = z.object({ batchId: z.string().min(1, { error: 'Say which import to undo.' }) });
export const UndonePurchaseImport = z.object({
  batchId: z.string(),
  /** Purchases the import added, now gone. */
  removedPurchases: z.number().int(),
  /** Contacts the import made, now in the Trash (those given other data since are kept and counted in keptContacts). */
  removedContacts: z.number().int(),
  keptContacts: z.number().int(),
});
