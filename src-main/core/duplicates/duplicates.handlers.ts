import type { duplicatesContract } from '../../../shared/duplicates/duplicates.contract.ts';
import type { HandlersFor } from '../handler.ts';
import * as duplicates from './duplicates.service.ts';

/** The core's side of the duplicates slice of the contract. */
export const duplicatesHandlers = {
  'duplicates.find': (ctx, input) => duplicates.findDuplicates(ctx, input),
  'duplicates.merge': (ctx, input) => duplicates.mergeContacts(ctx, input),
  'duplicates.undoMerge': (ctx, input) => duplicates.undoMerge(ctx, input.mergeId),
  'duplicates.merges': (ctx, input) => duplicates.mergesOf(ctx, input.contactId),
} satisfies HandlersFor<typeof duplicatesContract>;
