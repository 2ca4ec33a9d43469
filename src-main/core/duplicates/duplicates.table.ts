import type { Selectable } from 'kysely';

/** One merge of two contacts (since migration 0006), with what undoing it needs. */
export interface ContactMergeTable {
  id: string;
  kept_id: string;
  merged_id: string;
  merged_name: string;
  merged_at: string;
  undone_at: string | null;
  /** JSON: a `Moved` (duplicates.merge.ts). */
  moved: string;
  /** JSON: contacts snapshots of both, before the merge. */
  kept_before: string;
  merged_before: string;
}
export type ContactMergeRow = Selectable<ContactMergeTable>;
