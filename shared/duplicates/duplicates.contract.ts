import { z } from 'zod';
import type { ContractSlice } from '../api/slices.ts';
import { ContactId } from '../contacts/contacts.schemas.ts';
import { DuplicateGroup, FindDuplicates, MergeContacts, MergeRecord, MergeResult, UndoMerge, UndoneMerge } from './duplicates.schemas.ts';

/** Find duplicates and merge two contacts into one, keeping everything; undoable. */
export const duplicatesContract = {
  'duplicates.find': { input: FindDuplicates, output: z.array(DuplicateGroup) },
  'duplicates.merge': { input: MergeContacts, output: MergeResult },
  'duplicates.undoMerge': { input: UndoMerge, output: UndoneMerge },
  'duplicates.merges': { input: z.object({ contactId: ContactId }), output: z.array(MergeRecord) },
} as const satisfies ContractSlice;
