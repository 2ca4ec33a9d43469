import type { Insertable, Selectable } from 'kysely';

export interface PurchaseTable {
  id: string;
  contact_id: string;
  kind: 'sale' | 'closing' | 'refund';
  /** YYYY-MM-DD, the user's calendar date. */
  occurred_on: string;
  description: string;
  gross_cents: number;
  discount_cents: number;
  discount_reason: string;
  product_cost_cents: number;
  /** Lower case; empty when unknown. */
  channel: string;
  channel_cost_cents: number;
  order_ref: string | null;
  import_batch_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export type PurchaseRow = Selectable<PurchaseTable>;
export type NewPurchaseRow = Insertable<PurchaseTable>;

export interface PurchaseImportTable {
  id: string;
  file_name: string;
  imported_at: string;
  total: number;
  imported: number;
  created_contacts: number;
  skipped: number;
  undone_at: string | null;
}
export type PurchaseImportRow = Selectable<PurchaseImportTable>;

/** Contacts a purchases import made: its undo puts them in the Trash. */
export interface PurchaseImportContactTable {
  batch_id: string;
  contact_id: string;
}

/** A customer's number in another system (a till, an accounting package), pointing at one contact. */
export interface CustomerRefTable {
  external_id: string;
  contact_id: string;
}
