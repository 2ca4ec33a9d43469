import type { Selectable } from 'kysely';

/** One contact import (since migration 0006): counts as reported, and when it was undone. */
export interface ImportBatchTable {
  id: string;
  file_name: string;
  format: 'csv' | 'vcard';
  imported_at: string;
  total: number;
  created: number;
  merged: number;
  skipped: number;
  undone_at: string | null;
}
export type ImportBatchRow = Selectable<ImportBatchTable>;

/** A contact an import created or merged into. */
export interface ImportBatchContactTable {
  batch_id: string;
  contact_id: string;
  outcome: 'created' | 'merged';
  /** JSON of the merged contact before the import (a contacts snapshot); null when created. */
  before: string | null;
}
export type ImportBatchContactRow = Selectable<ImportBatchContactTable>;
