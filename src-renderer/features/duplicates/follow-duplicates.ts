import { refetchOn } from '../../api/refetch-on.ts';
import { useDuplicates } from './duplicates.store.ts';

/** A merge, its undo, or any contact change can make or break a group. */
export function followDuplicateChanges(): () => void {
  return refetchOn(['contacts.changed', 'duplicates.changed'], () => useDuplicates.getState().refresh());
}
