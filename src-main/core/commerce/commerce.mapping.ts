import type { Purchase, PurchaseFields } from '../../../shared/commerce/commerce.schemas.ts';
import type { PurchaseRow, PurchaseTable } from './commerce.table.ts';

/** What the customer paid: gross less discount for a sale or closing, the money given back (negative) for a refund. */
export function netCentsOf(row: Pick<PurchaseRow, 'kind' | 'gross_cents' | 'discount_cents'>): number {
  return row.kind === 'refund' ? -row.gross_cents : row.gross_cents - row.discount_cents;
}

export function rowToPurchase(row: PurchaseRow): Purchase {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    description: row.description,
    grossCents: row.gross_cents,
    discountCents: row.discount_cents,
    discountReason: row.discount_reason,
    productCostCents: row.product_cost_cents,
    channel: row.channel,
    channelCostCents: row.channel_cost_cents,
    netCents: netCentsOf(row),
    orderRef: row.order_ref,
    importBatchId: row.import_batch_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

type FieldColumns = Pick<
  PurchaseTable,
  'kind' | 'occurred_on' | 'description' | 'gross_cents' | 'discount_cents' | 'discount_reason' | 'product_cost_cents' | 'channel' | 'channel_cost_cents'
>;

export function fieldsToRow(fields: PurchaseFields): FieldColumns {
  return {
    kind: fields.kind,
    occurred_on: fields.occurredOn,
    description: fields.description,
    gross_cents: fields.grossCents,
    discount_cents: fields.discountCents,
    discount_reason: fields.discountReason,
    product_cost_cents: fields.productCostCents,
    channel: fields.channel,
    channel_cost_cents: fields.channelCostCents,
  };
}
