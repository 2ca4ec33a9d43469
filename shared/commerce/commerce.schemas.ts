import { z } from 'zod';
import { LocalDate } from '../calendar/local-date.ts';

const ContactId = z.uuid({ error: 'That is not a contact id.' });
export const PurchaseId = z.uuid({ error: 'That is not a purchase id.' });

/** A sale, a closed deal (a home closing), or money given back. */
export const PurchaseKind = z.enum(['sale', 'closing', 'refund'], { error: 'Choose sale, closing or refund.' });
export type PurchaseKind = z.infer<typeof PurchaseKind>;

/** The channels offered in the form; any other name the user types is kept as written. */
export const suggestedChannels = ['store', 'online', 'phone', 'referral', 'email', 'event'] as const;

/** Money in whole cents of the currency in settings. */
const Cents = (what: string) =>
  z
    .number({ error: `Enter the ${what} as an amount.` })
    .int({ error: `Enter the ${what} in whole cents.` })
    .min(0, { error: `The ${what} cannot be negative.` })
    .max(100_000_000_000, { error: `That ${what} is too large.` });

/** What the user records about one purchase; the shape shared by create and update. */
export const PurchaseFields = z
  .object({
    kind: PurchaseKind.default('sale'),
    occurredOn: LocalDate,
    description: z.string().trim().max(500, { error: 'Keep the description under 500 characters.' }).default(''),
    /** What the customer was charged before discounts; for a refund, the money given back. */
    grossCents: Cents('amount'),
    /** Discounts, allowances and credits given on it. */
    discountCents: Cents('discount').default(0),
    /** Why the discount was given: required when it is larger than the amount. */
    discountReason: z.string().trim().max(200, { error: 'Keep the reason under 200 characters.' }).default(''),
    productCostCents: Cents('product cost').default(0),
    /** Where it came from: store, online, phone, referral or the user's own word; empty when unknown. */
    channel: z.string().trim().toLowerCase().max(40, { error: 'Keep the channel under 40 characters.' }).default(''),
    channelCostCents: Cents('channel cost').default(0),
  })
  // A negative amount is its own error; the discount is only compared with an amount that can be.
  .refine((fields) => fields.grossCents < 0 || fields.discountCents <= fields.grossCents || fields.discountReason !== '', {
    error: 'The discount is larger than the amount: say why in the discount reason, or lower it.',
    path: ['discountCents'],
  });
export type PurchaseFields = z.output<typeof PurchaseFields>;

export const CreatePurchase = z.object({ contactId: ContactId, fields: PurchaseFields });
export type CreatePurchase = z.output<typeof CreatePurchase>;
export const UpdatePurchase = z.object({
  id: PurchaseId,
  expectedUpdatedAt: z.string().min(1),
  fields: PurchaseFields,
});

export type UpdatePurchase = z.output<typeof UpdatePurchase>;
export const Purchase = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: PurchaseKind,
  occurredOn: z.string(),
  description: z.string(),
  grossCents: z.number().int(),
  discountCents: z.number().int(),
  discountReason: z.string(),
  productCostCents: z.number().int(),
  channel: z.string(),
  channelCostCents: z.number().int(),
  /** What the customer paid: gross − discount for a sale or closing; minus the refund for a refund. */
  netCents: z.number().int(),
  /** The order or receipt number from an imported file. */
  orderRef: z.string().nullable(),
  importBatchId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Purchase = z.infer<typeof Purchase>;

export const ListPurchases = z.object({
  contactId: ContactId,
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** One contact's purchases, newest first. */
export type ListPurchases = z.output<typeof ListPurchases>;
export const PurchasePage = z.object({ items: z.array(Purchase), nextCursor: z.string().nullable(), total: z.number().int() });
export type PurchasePage = z.infer<typeof PurchasePage>;

export const ById = z.object({ id: PurchaseId });
