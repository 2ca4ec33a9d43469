import type { DuplicateGroup } from '../../../shared/duplicates/duplicates.schemas.ts';
import type { CoreContext } from '../context.ts';
import { findDuplicateGroups } from './duplicates.find.ts';

export { combineFields } from './merge-fields.ts';
export { emailKey, matchKeys, nameKey, phoneKey } from './duplicate-keys.ts';
export { mergeContacts, mergesOf, undoMerge } from './duplicates.merge.ts';

/** Groups of contacts that look like one person (Find duplicates). */
export async function findDuplicates(ctx: CoreContext, input: { limit: number }): Promise<DuplicateGroup[]> {
  return findDuplicateGroups(ctx.db, input.limit);
}
