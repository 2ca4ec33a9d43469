import { refetchOn } from '../../api/refetch-on.ts';
import { useHistorySearch } from './history-search.store.ts';
import { useReferrerNames } from './referrer-names.store.ts';
import { useTimeline } from './timeline.store.ts';

/** Keeps the open timeline and the search box's history hits current when any window logs, edits or restores history, or a follow-up is marked done. */
export function followHistoryChanges(): () => void {
  return refetchOn(['history.changed', 'followups.changed', 'contacts.changed'], () => {
    void useTimeline.getState().refresh();
    useHistorySearch.getState().refresh();
    useReferrerNames.getState().refresh();
  });
}
